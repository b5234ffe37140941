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
