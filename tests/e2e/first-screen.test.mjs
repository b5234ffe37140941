// The first thing a new user sees, on the real window and a fresh data folder: the empty state,
// loading the demo with visible progress, then the three main screens with real data, each
// checked with axe-core (WCAG 2.2 A/AA), for inline styles (the CSP forbids them) and for
// requests leaving the app, and each saved as a 1280×800 screenshot in artifacts/<screen>.png.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { axeViolations, describeViolations, launch, newDataDir, repo, screenshot, setInput, shown, shownText } from './harness.mjs';

const cli = process.env.CONVENE_CLI ?? path.join(repo, 'target', 'debug', 'convene');

const UK_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}$/;

/** Serious or critical axe violations fail the test, listed in full. */
async function assertAccessible(browser, screen) {
  const violations = await axeViolations(browser);
  assert.equal(violations.length, 0, `${screen}: serious or critical accessibility problems:\n${describeViolations(violations)}`);
}

/** What the CSP would block or the user would not expect: inline style attributes, CSP
 * violations reported since `watchCsp`, and resources from anywhere but the app itself. */
async function assertSelfContained(browser, screen) {
  const found = await browser.execute(() => ({
    inlineStyles: [...document.querySelectorAll('[style]')].map((e) => e.outerHTML.slice(0, 120)),
    cspViolations: window.__cspViolations ?? [],
    foreign: performance
      .getEntriesByType('resource')
      .map((r) => r.name)
      .filter((u) => !u.startsWith(location.origin) && !/^(ipc|tauri):/.test(u) && !u.startsWith('http://ipc.localhost')),
  }));
  assert.deepEqual(found.inlineStyles, [], `${screen}: elements with inline styles`);
  assert.deepEqual(found.cspViolations, [], `${screen}: Content-Security-Policy violations`);
  assert.deepEqual(found.foreign, [], `${screen}: resources fetched from outside the app`);
}

async function watchCsp(browser) {
  await browser.execute(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
}

async function openScreen(browser, nav, ready) {
  await (await shown(browser, `#nav-${nav}`)).click();
  await shown(browser, ready);
  assert.equal(await (await browser.$(`#nav-${nav}`)).getAttribute('aria-current'), 'page', `${nav} is not marked current`);
}

describe('first screen on an empty store', () => {
  const dataDir = newDataDir();
  let app;

  before(async () => {
    app = await launch(dataDir);
    await app.browser.setWindowSize(1280, 800);
    await watchCsp(app.browser);
  });
  after(async () => {
    await app?.stop();
  });

  it('uses the fresh data folder given in CONVENE_DATA_DIR', async () => {
    // tauri-driver → WebKitWebDriver → app all inherit the environment; the store says where it is.
    const status = JSON.parse(
      await app.browser.executeAsync((done) => {
        window.__TAURI_INTERNALS__.invoke('store_status').then(
          (s) => done(JSON.stringify(s)),
          (e) => done(JSON.stringify({ error: e })),
        );
      }),
    );
    assert.equal(status.data_dir, dataDir);
    assert.equal(status.empty, true);
  });

  it('shows the empty state with its two actions: the demo, or an import', async () => {
    const { browser } = app;
    const text = await (await shown(browser, '#empty-state')).getText();
    assert.match(text, /No records yet/);
    assert.match(text, /Convene plans the multi-agency meetings/);
    const button = await shown(browser, '#load-demo');
    assert.equal(await button.getText(), 'Load demo data');
    await shownText(browser, '#import-file', 'Import an export or backup file…');
    // The window opened on this screen: hidden until it was drawn (commands/window.rs).
    assert.equal(await browser.execute(() => performance.getEntriesByName('window-shown')[0]?.detail?.wasHidden), true);
    assert.equal(await browser.$$('h1').length, 1);
    assert.equal(await (await browser.$('html')).getAttribute('lang'), 'en-GB');
    // The skip link is the first stop for the keyboard.
    await browser.keys(['Tab']);
    assert.equal(await browser.execute(() => document.activeElement?.textContent?.trim()), 'Skip to main content');
    await assertAccessible(browser, 'empty state');
    await assertSelfContained(browser, 'empty state');
    await screenshot(browser, 'empty-state');
  });

  it('shows progress while the demo loads, step by step, then what needs doing', async () => {
    const { browser } = app;
    // Loading takes a second or two; record the steps the page showed meanwhile.
    await browser.execute(() => {
      window.__steps = [];
      new MutationObserver(() => {
        const step = document.querySelector('#demo-progress [data-step]');
        const bar = document.querySelector('#demo-progress progress');
        const text = step?.textContent ?? '';
        if (bar && text && window.__steps.at(-1) !== text) window.__steps.push(text);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await (await shown(browser, '#load-demo')).click();
    await shown(browser, '#dashboard [data-testid="items-overdue"]', 30000);
    const steps = await browser.execute(() => window.__steps);
    assert.ok(
      steps.some((s) => /^Step 2 of 4: Writing \d+ children, \d+ meetings and their records…$/.test(s)),
      `the demo's steps were not shown: ${JSON.stringify(steps)}`,
    );
    const numbers = steps.map((s) => Number(/^Step (\d)/.exec(s)?.[1] ?? 4));
    assert.deepEqual(numbers, [...numbers].sort(), `steps out of order: ${JSON.stringify(steps)}`);
    assert.ok(readdirSync(dataDir).length > 0, `nothing was written to ${dataDir}`);
  });

  it('dashboard: overdue and due-soon items, grouped with counts, filterable by team and rule', async () => {
    const { browser } = app;
    assert.equal(await (await browser.$('#nav-dashboard')).getAttribute('aria-current'), 'page');
    const overdue = await browser.$$('#dashboard [data-testid="items-overdue"] [data-testid="due-item"]');
    assert.ok(overdue.length >= 1, 'no overdue items');
    assert.equal(await (await browser.$('[data-testid="group-overdue"]')).getText(), `Overdue (${overdue.length})`);
    assert.match(await (await browser.$('[data-testid="group-due-soon"]')).getText(), /^Due soon \(\d+\)$/);
    // How far ahead "due soon" looks is said, from the settings (5 working days by default).
    await shownText(browser, '#dashboard-lead', 'Statutory and local timescales that are overdue, or due within the next 5 working days (as set in Settings).');
    // Due soon and booked within timescale: in hand, listed apart, the booking its only badge.
    const inHand = await browser.$$('#dashboard [data-testid="items-booked"] [data-testid="due-item"]');
    assert.equal(await (await browser.$('[data-testid="group-booked"]')).getText(), `Due soon, booked within timescale (${inHand.length})`);
    for (const row of inHand) {
      const text = await row.getText();
      assert.match(await (await row.$('[data-testid="booked"]')).getText(), /^Booked: \w{3} \d{1,2} \w{3} \d{4}( \(today\))?, within timescale$/);
      assert.doesNotMatch(text, /Due soon|Due today|Schedule now/, `an item in hand reads as still to do: ${text}`);
    }
    if (inHand.length === 0) assert.match(await (await browser.$('[data-testid="none-booked"]')).getText(), /^Nothing due soon is booked yet/);
    for (const row of await browser.$$('#dashboard [data-testid="items-due-soon"] [data-testid="booked"]')) {
      assert.doesNotMatch(await row.getText(), /within timescale$/, 'an item booked within timescale left among those due soon');
    }
    const teams = await browser.execute(() => [...document.querySelectorAll('#filter-team option')].map((o) => o.value).filter(Boolean));
    assert.ok(teams.length >= 1, 'no teams to filter by');
    for (const row of overdue.slice(0, 5)) {
      const text = await row.getText();
      assert.match(text, /Overdue/, 'the status is given in words');
      assert.match(await (await row.$('[data-testid="deadline"]')).getText(), UK_DATE);
      assert.ok(teams.some((t) => text.includes(t)), `no team in: ${text}`);
      assert.match(text, /working days? overdue/, `no summary in: ${text}`);
    }

    // Child protection first, each area by deadline; or the oldest deadline first, when chosen.
    const AREAS = ['child-protection', 'referral', 'looked-after', 'child-in-need', 'conference-papers', 'other'];
    const listed = () =>
      browser.execute(() =>
        [...document.querySelectorAll('#dashboard [data-testid="items-overdue"] [data-testid="due-item"]')].map((li) => [li.dataset.area, li.dataset.deadline]),
      );
    const urgent = await listed();
    const key = ([area, deadline]) => `${AREAS.indexOf(area)}|${deadline}`;
    assert.equal(urgent[0][0], 'child-protection', 'the overdue list does not open on child protection');
    assert.deepEqual(urgent.map(key), urgent.map(key).sort(), 'not child protection first, each area by deadline');
    assert.ok(new Set(urgent.map(([a]) => a)).size > 1, 'the demo has overdue items of one area only');
    assert.match(await (await overdue[0].$('[data-testid="about"]')).getText(), /^Child protection · (statutory|local)$/);
    await (await browser.$('#sort-order')).selectByAttribute('value', 'deadline');
    const oldest = (await listed()).map(([, deadline]) => deadline);
    assert.deepEqual(oldest, [...oldest].sort(), 'not the oldest deadline first');
    assert.notDeepEqual(oldest, urgent.map(([, deadline]) => deadline), 'the two orders are the same on the demo');
    await (await browser.$('#sort-order')).selectByAttribute('value', 'urgency');

    // Filter by a team: every row shown is that team's.
    const team = teams[0];
    const all = (await browser.$$('#dashboard [data-testid="due-item"]')).length;
    await (await browser.$('#filter-team')).selectByAttribute('value', team);
    const rows = await browser.$$('#dashboard [data-testid="due-item"]');
    // Some rows stay, and not all of them (the demo's items belong to several teams).
    assert.ok(rows.length >= 1 && rows.length < all, `${rows.length} of ${all} rows under "${team}"`);
    for (const row of rows) assert.ok((await row.getText()).includes(team), `a row from another team under "${team}"`);
    await (await browser.$('#filter-team')).selectByAttribute('value', '');

    // Filter by rule: every row shown has that rule.
    const rule = await browser.execute(() => document.querySelector('#filter-rule option:nth-child(2)')?.value);
    await (await browser.$('#filter-rule')).selectByAttribute('value', rule);
    const ruled = await browser.$$('#dashboard [data-testid="due-item"]');
    assert.ok(ruled.length >= 1, `nothing shown for rule ${rule}`);
    for (const row of ruled) assert.equal(await row.getAttribute('data-rule'), rule);
    await (await browser.$('#filter-rule')).selectByAttribute('value', '');

    await assertAccessible(browser, 'dashboard');
    await assertSelfContained(browser, 'dashboard');
    await screenshot(browser, 'dashboard');
  });

  it('dashboard: a conference booked after its deadline is offered to be moved earlier, not booked twice', async () => {
    const { browser } = app;
    const late = await browser.$('#dashboard [data-testid="due-item"] [data-testid="move-booked"]');
    assert.ok(await late.isExisting(), 'the demo has no meeting booked after its deadline');
    const row = await late.$('./ancestor::li');
    assert.match(await row.getText(), /Booked: \w{3} \d{1,2} \w{3} \d{4}, after the deadline/);
    assert.equal(await (await row.$('button=Schedule now')).isExisting(), false, 'a second booking offered');
    await late.click();
    // Meetings opens on its move form, the keyboard on it.
    await shownText(browser, '#move-form-title', /^Move the (initial child protection conference|pre-birth conference|[a-z ]+) for /);
    assert.equal(await browser.execute(() => document.activeElement?.id), 'move-form');
    assert.equal(await (await browser.$('#nav-meetings')).getAttribute('aria-current'), 'page');
    await (await shown(browser, '#nav-dashboard')).click();
    await shown(browser, '#dashboard [data-testid="items-overdue"]');
  });

  it('children: a table of at least 50 children, most overdue first', async () => {
    const { browser } = app;
    await openScreen(browser, 'children', '#children-table');
    const rows = await browser.$$('#children-table tbody tr');
    assert.ok(rows.length >= 50, `only ${rows.length} children`);
    assert.match(await (await browser.$('#children-table caption')).getText(), /children/);
    assert.match(await rows[0].getText(), /\d+ overdue/, 'the first child has nothing overdue');
    await assertAccessible(browser, 'children');
    await assertSelfContained(browser, 'children');
    await screenshot(browser, 'children');
  });

  it('meetings: the next 14 days, in UK date and time', async () => {
    const { browser } = app;
    await openScreen(browser, 'meetings', '#meetings-table');
    const rows = await browser.$$('#meetings-table [data-testid="meeting-row"]');
    assert.ok(rows.length >= 1, 'no upcoming meetings');
    const first = await rows[0].getText();
    assert.match(first, /(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}–\d{2}:\d{2}/, `not UK style: ${first}`);
    assert.match(first, /Planned|Held|Cancelled|Outcome to record/);
    // A meeting booked after a deadline it is to meet says so in the list (the demo books its
    // late core group and pre-birth conference within the fortnight).
    const late = await browser.$$('#meetings-table [data-testid="after-deadline"]');
    assert.ok(late.length >= 1, 'no meeting said to be after its deadline');
    for (const l of late) assert.match(await l.getText(), /^After its deadline \((Mon|Tue|Wed|Thu|Fri) \d{1,2} [A-Z][a-z]{2} \d{4}\)$/);
    await assertAccessible(browser, 'meetings');
    await assertSelfContained(browser, 'meetings');
    await screenshot(browser, 'meetings');
  });
});

describe('importing an export on a new computer', () => {
  const from = newDataDir();
  const dataDir = newDataDir();
  const file = path.join(newDataDir(), 'convene-export.json');
  let app;

  before(async () => {
    const env = { ...process.env, CONVENE_DATA_DIR: from };
    execFileSync(cli, ['demo'], { env, encoding: 'utf8' });
    execFileSync(cli, ['export', '-o', file], { env, encoding: 'utf8' });
    app = await launch(dataDir, { CONVENE_OPEN_FILE: file });
    await app.browser.setWindowSize(1280, 800);
  });
  after(async () => {
    await app?.stop();
  });

  it('imports it from the empty state, step by step, and opens on its data', async () => {
    const { browser } = app;
    await shown(browser, '#empty-state');
    await browser.execute(() => {
      window.__steps = [];
      new MutationObserver(() => {
        const text = document.querySelector('#demo-progress [data-step]')?.textContent ?? '';
        if (text && window.__steps.at(-1) !== text) window.__steps.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await (await shown(browser, '#import-file')).click();
    await shown(browser, '#dashboard [data-testid="items-overdue"]', 30000);
    const steps = await browser.execute(() => window.__steps);
    assert.ok(
      steps.some((s) => /^Step 4 of 5: Writing \d+ children, \d+ meetings and their records…$/.test(s)),
      `the import's steps were not shown: ${JSON.stringify(steps)}`,
    );
    const exported = JSON.parse(execFileSync(cli, ['child', 'list', '--json'], { env: { ...process.env, CONVENE_DATA_DIR: from }, encoding: 'utf8' }));
    const status = JSON.parse(
      await browser.executeAsync((done) => {
        window.__TAURI_INTERNALS__.invoke('store_status').then((s) => done(JSON.stringify(s)));
      }),
    );
    assert.equal(status.children, exported.length);
    assert.equal(status.data_dir, dataDir);
  });
});

describe('importing an encrypted export', () => {
  const from = newDataDir();
  const dataDir = newDataDir();
  const file = path.join(newDataDir(), 'convene-encrypted.json');
  let app;

  before(async () => {
    const env = { ...process.env, CONVENE_DATA_DIR: from };
    execFileSync(cli, ['demo'], { env, encoding: 'utf8' });
    execFileSync(cli, ['encryption', 'on'], { env: { ...env, CONVENE_NEW_PASSPHRASE: 'correct horse battery' }, encoding: 'utf8' });
    execFileSync(cli, ['export', '-o', file], { env: { ...env, CONVENE_PASSPHRASE: 'correct horse battery' }, encoding: 'utf8' });
    app = await launch(dataDir, { CONVENE_OPEN_FILE: file });
    await app.browser.setWindowSize(1280, 800);
  });
  after(async () => {
    await app?.stop();
  });

  it('asks for its passphrase, refuses a wrong one, then imports it', async () => {
    const { browser } = app;
    await (await shown(browser, '#import-file')).click();
    await shownText(browser, '#empty-error', /encrypted Convene export: give its passphrase/, { timeout: 15000 });
    await setInput(browser, 'import-passphrase', 'wrong horse');
    await (await shown(browser, '#import-passphrase-form button')).click();
    await browser.waitUntil(async () => /passphrase does not open/.test(await (await browser.$('#empty-error')).getText()), {
      timeout: 30000,
      timeoutMsg: 'a wrong passphrase was not refused',
    });
    await assertAccessible(browser, 'encrypted import');
    await setInput(browser, 'import-passphrase', 'correct horse battery');
    await (await shown(browser, '#import-passphrase-form button')).click();
    await shown(browser, '#dashboard [data-testid="items-overdue"]', 60000);
  });
});
