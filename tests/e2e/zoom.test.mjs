// The page can be made larger, as in a browser (WCAG 2.2 1.4.4 resize text, 1.4.10 reflow):
// Ctrl + / Ctrl − / Ctrl 0 on any screen and a "Page size" setting, up to 400%, where the
// 1280-pixel window is 320 CSS pixels wide and no screen scrolls sideways. The size is
// remembered between launches (in the app's config folder, a fresh one here).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launch, newDataDir, quitApp, repo, screenshot, shown } from './harness.mjs';

const cli = process.env.CONVENE_CLI ?? path.join(repo, 'target', 'debug', 'convene');

const SCREENS = ['dashboard', 'children', 'meetings', 'calendar', 'people', 'caseloads', 'performance', 'settings'];
/** What each screen draws once it has loaded (so the check runs on the full screen). */
const READY = {
  dashboard: '#dashboard [data-testid="items-overdue"]',
  children: '#children-table',
  meetings: '#meetings-table',
  calendar: '#calendar-grid',
  people: '#people-table',
  caseloads: '#people-caseloads',
  performance: '#kpi-table',
  settings: '#page-zoom',
};

const cssWidth = (browser) => browser.execute(() => window.innerWidth);
/** How far the page scrolls sideways, and the widest thing that makes it. */
const sideways = (browser) =>
  browser.execute(() => {
    const root = document.documentElement;
    const over = root.scrollWidth - root.clientWidth;
    if (over <= 1) return null;
    let widest = null;
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > root.clientWidth + 1 && (!widest || r.right > widest.right)) widest = { right: r.right, what: `${el.tagName.toLowerCase()}#${el.id}.${el.className}` };
    }
    return { over, widest };
  });

describe('page size', () => {
  const dataDir = newDataDir();
  const env = { XDG_CONFIG_HOME: newDataDir() };
  let app;

  before(async () => {
    execFileSync(cli, ['demo'], { env: { ...process.env, CONVENE_DATA_DIR: dataDir } });
    app = await launch(dataDir, env);
    await app.browser.setWindowSize(1280, 800);
  });
  after(async () => {
    await app?.stop();
  });

  it('grows with Ctrl + and shrinks back with Ctrl 0, saying so', async () => {
    const { browser } = app;
    await shown(browser, READY.dashboard, 30000);
    const before = await cssWidth(browser);
    await browser.keys(['Control', '=']);
    await browser.waitUntil(async () => (await browser.execute(() => document.getElementById('page-zoom-said').textContent)) === 'Page size 110%.', {
      timeout: 5000,
      timeoutMsg: 'Ctrl + did not resize the page',
    });
    await browser.waitUntil(async () => Math.abs((await cssWidth(browser)) - before / 1.1) <= 2, { timeout: 5000, timeoutMsg: 'the page is not 110%' });
    await browser.keys(['Control', '0']);
    await browser.waitUntil(async () => (await cssWidth(browser)) === before, { timeout: 5000, timeoutMsg: 'Ctrl 0 did not go back to 100%' });
  });

  it('at 400% every screen reflows to the window: nothing scrolls sideways', async () => {
    const { browser } = app;
    await (await shown(browser, '#nav-settings')).click();
    await (await shown(browser, '#page-zoom')).selectByAttribute('value', '4');
    await browser.waitUntil(async () => (await cssWidth(browser)) <= 322, { timeout: 5000, timeoutMsg: 'the page is not 400%' });
    const problems = [];
    for (const s of SCREENS) {
      await browser.execute((id) => document.getElementById(`nav-${id}`).click(), s);
      await shown(browser, READY[s], 30000);
      const wide = await sideways(browser);
      if (wide) problems.push(`${s}: ${wide.over}px too wide (${wide.widest?.what} ends at ${Math.round(wide.widest?.right)})`);
      if (s === 'dashboard' || s === 'meetings') await screenshot(browser, `17-zoom-400-${s}`);
      // The forms that open in place: adding a child or a person.
      const form = { children: ['#add-child-open', '#add-child-form'], people: ['#add-person-open', '#add-person-form'] }[s];
      if (form) {
        await browser.execute((b) => document.querySelector(b).click(), form[0]);
        await shown(browser, form[1]);
        const wideForm = await sideways(browser);
        if (wideForm) problems.push(`${s} form: ${wideForm.over}px too wide (${wideForm.widest?.what} ends at ${Math.round(wideForm.widest?.right)})`);
      }
      if (s === 'children') {
        // A child's record, with its forms open: details, siblings, an episode's end, the
        // network, the record and schedule forms.
        await browser.execute(() => document.querySelector('#children-table tbody th button').click());
        await shown(browser, '#child-timeline', 30000);
        await browser.execute(() => {
          document.querySelector('#sibling-add')?.click();
          document.querySelector('#episodes [data-end]')?.click();
        });
        await shown(browser, '#sibling-child');
        const wideRecord = await sideways(browser);
        if (wideRecord) problems.push(`child record: ${wideRecord.over}px too wide (${wideRecord.widest?.what} ends at ${Math.round(wideRecord.widest?.right)})`);
        await browser.execute(() => document.querySelector('#edit-details')?.click());
        await shown(browser, '#details-form');
        const wideEdit = await sideways(browser);
        if (wideEdit) problems.push(`child details form: ${wideEdit.over}px too wide (${wideEdit.widest?.what} ends at ${Math.round(wideEdit.widest?.right)})`);
        await screenshot(browser, '17-zoom-400-child-record');
      }
    }
    assert.deepEqual(problems, []);
  });

  it('is remembered at the next launch', async () => {
    await quitApp(dataDir);
    await app.stop();
    app = await launch(dataDir, env);
    const { browser } = app;
    await shown(browser, READY.dashboard, 30000);
    assert.ok((await cssWidth(browser)) <= 322, `the page opened at ${await cssWidth(browser)} CSS pixels, not 400%`);
    await browser.keys(['Control', '0']);
    await browser.waitUntil(async () => (await cssWidth(browser)) > 1200, { timeout: 5000, timeoutMsg: 'Ctrl 0 did not go back to 100%' });
  });
});
