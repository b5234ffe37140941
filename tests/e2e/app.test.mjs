// End-to-end on the real Convene window: the first screen, every screen's accessibility, and a
// practitioner's path from the dashboard to a booked ICPC that survives a restart.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { appMappings, appStartedAt, artifacts, axeViolations, describeViolations, launch, median, newDataDir, record, remoteSockets, residentMemoryMb, screenshot, shown, shownText, tallScreenshot, webProcessEnvironment } from './harness.mjs';

async function assertAccessible(browser, screen) {
  const violations = await axeViolations(browser);
  assert.equal(violations.length, 0, `${screen}: serious or critical accessibility problems:\n${describeViolations(violations)}`);
}

async function textOf(browser, selector) {
  return (await shown(browser, selector)).getText();
}

describe('Convene desktop app', () => {
  const dataDir = newDataDir();
  // Where "Export invitation" writes instead of asking (the native dialog
  // cannot be driven over WebDriver).
  const saveDir = newDataDir();
  let app;

  before(async () => {
    app = await launch(dataDir, { CONVENE_SAVE_DIR: saveDir });
    await app.browser.setWindowSize(1280, 800);
  });
  after(async () => {
    await app?.stop();
  });

  it('opens on an empty store with a clear empty state', async () => {
    const { browser } = app;
    const text = await textOf(browser, '#empty-state');
    assert.match(text, /No records yet/);
    assert.match(text, /Load demo data/);
    await assertAccessible(browser, 'empty state');
    await screenshot(browser, '01-empty-state');
  });

  it('loads the demo and shows what needs doing, with an overdue ICPC', async () => {
    const { browser } = app;
    await (await shown(browser, '#load-demo')).click();
    await shown(browser, '#dashboard [data-testid="items-overdue"]', 30000);
    const overdue = await browser.$$('#dashboard [data-testid="items-overdue"] li');
    assert.ok(overdue.length >= 1, 'no overdue items');
    // An initial conference overdue for a born child (an unborn baby's is their pre-birth conference).
    const icpc = await browser.$('//*[@data-testid="items-overdue"]/li[@data-rule="strategy-to-icpc"][contains(., "Initial child protection conference")]');
    assert.ok(await icpc.isExisting(), 'no overdue ICPC on the dashboard');
    // No "who am I" in the demo: everyone's items, and a word on how to see one's own.
    assert.equal(await (await browser.$('#filter-scope')).isExisting(), false);
    await shownText(browser, '#scope-hint', /choose who you are in Settings\.$/);
    assert.match(await icpc.getText(), /Initial child protection conference/);
    await assertAccessible(browser, 'dashboard');
    await screenshot(browser, '02-dashboard');
  });

  it('lists the children, most overdue first', async () => {
    const { browser } = app;
    await (await shown(browser, '#nav-children')).click();
    await shown(browser, '#children-table');
    const rows = await browser.$$('#children-table tbody tr');
    assert.ok(rows.length >= 50, `only ${rows.length} children`);
    // A child in an enquiry, with no plan yet, is not shown as having nothing open.
    assert.match(await textOf(browser, '#children-table tbody'), /Section 47 enquiry since \w{3} \d{1,2} \w{3} \d{4}/);
    await assertAccessible(browser, 'children');
    await screenshot(browser, '03-children');
  });

  it('lists the meetings of the next two weeks', async () => {
    const { browser } = app;
    await (await shown(browser, '#nav-meetings')).click();
    await shown(browser, '#meetings-table');
    const rows = await browser.$$('#meetings-table tbody tr');
    assert.ok(rows.length >= 1, 'no upcoming meetings');
    const first = await rows[0].getText();
    assert.match(first, /\d{2}:\d{2}–\d{2}:\d{2}/, `times in UK style: ${first}`);
    // A meeting with conflicts standing says how many, and opens to their sentences.
    const notes = await browser.$$('#meetings-table [data-testid="meeting-conflicts"]');
    for (const n of notes) {
      const summary = await n.$('summary');
      const count = Number((await summary.getText()).match(/^(\d+) conflicts?$/)?.[1]);
      assert.ok(count >= 1, await summary.getText());
      await summary.click();
      const said = await n.$$('li');
      assert.equal(said.length, count);
      for (const li of said) assert.match(await li.getText(), /\.$/);
    }
    await assertAccessible(browser, 'meetings');
    await screenshot(browser, '04-meetings');
  });

  it('shows a meeting\'s agenda in both versions and exports the invitation', async () => {
    const { browser } = app;
    await (await shown(browser, '#meetings-table [data-testid="open-agenda"]')).click();
    const sheet = await shown(browser, '#agenda-sheet');
    const text = await sheet.getText();
    assert.match(text, /(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}–\d{2}:\d{2}/);
    assert.match(text, /Invited/);
    assert.match(text, /Confidential\./);
    // Back says where it goes.
    assert.equal(await textOf(browser, '#screen-back'), 'Back to meetings');
    await assertAccessible(browser, 'agenda (professional)');
    await screenshot(browser, '05a-agenda-professional');
    await (await shown(browser, 'input[name="variant"][value="family"]')).click();
    await browser.waitUntil(async () => /What we will talk about/.test(await (await browser.$('#agenda-sheet')).getText()), {
      timeout: 10000,
      timeoutMsg: 'the family version did not appear',
    });
    assert.match(await textOf(browser, '#agenda-sheet'), /This paper is private/);
    await assertAccessible(browser, 'agenda (family)');
    await screenshot(browser, '05b-agenda-family');

    await (await shown(browser, '#export-invitation')).click();
    await browser.waitUntil(async () => /Saved the invitation as/.test(await browser.$('#agenda-screen [role="status"]').getText().catch(() => '')), {
      timeout: 15000,
      timeoutMsg: 'the invitation was not saved',
    });
    const ics = readdirSync(saveDir).filter((f) => f.endsWith('.ics'));
    assert.equal(ics.length, 1, `invitations saved: ${ics}`);
    const cal = readFileSync(path.join(saveDir, ics[0]), 'utf8');
    assert.match(cal, /METHOD:REQUEST/);
    assert.match(cal, /BEGIN:VTIMEZONE\r\nTZID:Europe\/London/);

    // "Save as PDF…" writes the family version chosen on screen, as a real PDF.
    await (await shown(browser, '#save-agenda-pdf')).click();
    await browser.waitUntil(async () => /Saved the agenda as/.test(await browser.$('#agenda-screen [role="status"]').getText().catch(() => '')), {
      timeout: 15000,
      timeoutMsg: 'the agenda PDF was not saved',
    });
    const pdfs = readdirSync(saveDir).filter((f) => f.endsWith('.pdf'));
    assert.equal(pdfs.length, 1, `PDFs saved: ${pdfs}`);
    assert.match(pdfs[0], /^\d{4}-\d{2}-\d{2}-[a-z-]+-agenda-family\.pdf$/);
    const pdf = readFileSync(path.join(saveDir, pdfs[0]));
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdf.length > 10000, `a PDF of ${pdf.length} bytes`);
  });

  it('edits an agenda template in the settings, and resets it', async () => {
    const { browser } = app;
    await (await shown(browser, '#nav-settings')).click();
    await shown(browser, '#template-items');
    // The kinds arrive with the templates.
    await browser.waitUntil(async () => browser.execute(() => !!document.querySelector('#template-kind option[value="core-group"]')), {
      timeout: 10000,
      timeoutMsg: 'the agenda templates never loaded',
    });
    await browser.execute(() => {
      const kind = document.getElementById('template-kind');
      kind.value = 'core-group';
      kind.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await browser.waitUntil(async () => /Apologies; membership check/.test(await browser.execute(() => document.getElementById('template-items').value)));
    await browser.execute(() => {
      const t = document.getElementById('template-items');
      t.value = 'Welcome\nThe plan for the children\nNext core group';
      t.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // Looking at another meeting's template and back keeps what was typed, marked unsaved.
    await shown(browser, '#template-unsaved');
    const choose = (value) =>
      browser.execute((v) => {
        const kind = document.getElementById('template-kind');
        kind.value = v;
        kind.dispatchEvent(new Event('change', { bubbles: true }));
      }, value);
    await choose('icpc');
    assert.doesNotMatch(await browser.execute(() => document.getElementById('template-items').value), /Next core group/);
    assert.equal(await (await browser.$('#template-unsaved')).isExisting(), false);
    await choose('core-group');
    assert.equal(await browser.execute(() => document.getElementById('template-items').value), 'Welcome\nThe plan for the children\nNext core group');
    await shown(browser, '#template-unsaved');
    await (await shown(browser, '#save-template')).click();
    await browser.waitUntil(async () => /Changed here from the default/.test(await (await browser.$('#template-state')).getText()), {
      timeout: 10000,
      timeoutMsg: 'the template was not saved',
    });
    await assertAccessible(browser, 'settings');
    await screenshot(browser, '11-settings');
    await (await shown(browser, '#reset-template')).click();
    await browser.waitUntil(async () => /default/.test(await (await browser.$('#template-state')).getText()), {
      timeout: 10000,
      timeoutMsg: 'the template was not reset',
    });
    assert.match(await browser.execute(() => document.getElementById('template-items').value), /^Apologies; membership check/);
    // "Reset to default" disabled itself: the keyboard is on the items it put back.
    await browser.waitUntil(async () => (await browser.execute(() => document.activeElement?.id)) === 'template-items', {
      timeout: 5000,
      timeoutMsg: 'the keyboard was dropped to the page after the reset',
    });
  });

  let bookedChild = '';

  it('schedules an ICPC from a suggested slot inside the deadline', async () => {
    const { browser } = app;
    await (await shown(browser, '#nav-dashboard')).click();
    await shown(browser, '#dashboard');
    // An ICPC not yet booked with time left: on the dashboard (due soon) or via the children list.
    await (await shown(browser, '#nav-children')).click();
    await shown(browser, '#children-table');
    // Open children until one has an open ICPC item that can still be met.
    const names = await browser.$$('#children-table tbody th button');
    let found = false;
    for (let k = 0; k < names.length && !found; k++) {
      const buttons = await browser.$$('#children-table tbody th button');
      const name = await buttons[k].getText();
      await buttons[k].click();
      await shown(browser, '#child-title');
      const item = await browser.$('#child-open-items li[data-rule="strategy-to-icpc"]');
      if ((await item.isExisting()) && !/overdue/i.test(await item.getText())) {
        found = true;
        bookedChild = name;
      } else {
        await (await shown(browser, '#nav-children')).click();
        await shown(browser, '#children-table');
      }
    }
    assert.ok(found, 'no child with an ICPC still inside its timescale');
    // Waiting for its ICPC, the child is in a section 47 enquiry: said, though it is no episode.
    await shownText(browser, '#enquiry-open', /^Section 47 enquiry since \w{3} \d{1,2} \w{3} \d{4}\. It ends with the conference's outcome, or with a decision of no further action\.$/);
    await assertAccessible(browser, 'child record');
    await screenshot(browser, '05-child-record');

    await (await shown(browser, '#schedule-kind')).selectByAttribute('value', 'icpc');
    // With the keyboard: the button stays focused while it searches and after (a busy button
    // is aria-disabled, not disabled, which would drop the keyboard to the page).
    await browser.execute(() => document.getElementById('find-slots').focus());
    await browser.keys('Enter');
    await shown(browser, '#slot-list li', 20000);
    assert.equal(await browser.execute(() => document.activeElement?.id), 'find-slots');
    const message = await textOf(browser, '#slot-message');
    assert.match(message, /by the deadline/, message);
    const first = await browser.$('#slot-list li');
    assert.match(await first.getText(), /Within timescale/);
    // What every time shares is said once above them, not in each.
    if ((await browser.$$('#slot-list > li')).length > 1 && (await (await browser.$('#slot-common')).isExisting())) {
      const common = (await textOf(browser, '#slot-common')).replace(/^Every time below: /, '');
      const own = await browser.execute(() => [...document.querySelectorAll('#slot-list .reasons li')].map((li) => li.textContent.trim()));
      for (const r of own) assert.ok(!common.includes(r), `"${r}" said above and beside a time`);
    }
    // The working days before the first time offered, if any, each say why they have none;
    // first, when the reports to the parents leave no time for an earlier day, that.
    const earlier = await browser.execute(() => [...document.querySelectorAll('#slot-earlier li')].map((li) => li.textContent.trim()));
    for (const [n, e] of earlier.entries()) {
      if (n === 0 && e.startsWith('Before ')) {
        assert.match(e, /^Before (Mon|Tue|Wed|Thu|Fri) \d{1,2} \w{3} \d{4}: "Reports shared with parents before the conference" would be due before today; for a meeting on (Mon|Tue|Wed|Thu|Fri) .+ it is due by .+\.$/, e);
        continue;
      }
      assert.match(e, /^(\w{3} \d{1,2} \w{3} \d{4}( to \w{3} \d{1,2} \w{3} \d{4})?: .+|\d+ more working days? before .+)\.$/, e);
    }
    // The invitees the search used, by agency, each required or optional, can be changed.
    const groups = await browser.$$('#schedule-invitees h4');
    assert.ok(groups.length >= 1, 'no agencies in the invitee list');
    assert.ok((await browser.$$('#schedule-invitees select[data-person]')).length >= 1, 'no invitees listed');
    await assertAccessible(browser, 'slot suggestions');
    await screenshot(browser, '06-child-schedule');
    await tallScreenshot(browser, '06b-slot-suggestions-full-page', 1800, '#slot-message');
    await (await first.$('button')).click();
    const booked = await textOf(browser, '#booked-message');
    assert.match(booked, /Booked: Initial child protection conference/);
    // The times and the button pressed are gone: the keyboard is on what was booked.
    assert.equal(await browser.execute(() => document.activeElement?.id), 'booked-message');
    await browser.waitUntil(async () => /inside the deadline/.test(await textOf(browser, '#child-open-items li[data-rule="strategy-to-icpc"]')), {
      timeout: 10000,
      timeoutMsg: 'the ICPC item did not become "scheduled, inside the deadline"',
    });
    // The booking is shown beside the item's status, in the open items and on the timeline.
    assert.match(
      await textOf(browser, '#child-open-items li[data-rule="strategy-to-icpc"] [data-testid="booked"]'),
      /^Booked: (Mon|Tue|Wed|Thu|Fri) \d{1,2} [A-Z][a-z]{2} \d{4}( \(today\))?, within timescale$/,
    );
    assert.match(await textOf(browser, '#child-timeline'), /Deadline: Initial child protection conference Booked: .*, within timescale/);
    // Where today falls among them.
    assert.match(await (await shown(browser, '#child-timeline [data-testid="timeline-today"]')).getText(), /^\w{3} \d{1,2} \w{3} \d{4}\s+Today$/);
    await tallScreenshot(browser, '07-icpc-scheduled-within-timescale-full-page');
    // The booking is in the child's history (from the audit trail).
    await (await shown(browser, '#show-history')).click();
    assert.match(await textOf(browser, '#history-table'), /create meeting/);
    // The button went: the keyboard is on the history's heading.
    assert.equal(await browser.execute(() => document.activeElement?.id), 'history-title');
    // When, on the UK clock as everything else is shown.
    assert.match(await textOf(browser, '#history-table tbody td'), /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
  });

  it('records leave for a practitioner', async () => {
    const { browser } = app;
    await (await shown(browser, '#nav-people')).click();
    await shown(browser, '#people-table');
    await assertAccessible(browser, 'people');
    const first = await shown(browser, '#people-table tbody th button');
    const name = await first.getText();
    await first.click();
    await shown(browser, '#person-panel');
    // Saved with its dates empty: WebKitGTK stops the form without a word; the app says why,
    // beside the first empty field, which has the keyboard, and the sentence goes once it is left.
    await (await browser.$('#busy-form')).scrollIntoView();
    await (await shown(browser, '#busy-form button[type="submit"]')).click();
    await shownText(browser, '#required-said', '“From” must be filled in.');
    assert.equal(await browser.execute(() => document.activeElement?.id), 'busy-from');
    const [field, said] = await browser.execute(() => ['#busy-from', '#required-said'].map((s) => document.querySelector(s).getBoundingClientRect()));
    assert.ok(said.top >= field.bottom && said.top - field.bottom < 20, `the sentence is not under the field: ${JSON.stringify([field, said])}`);
    await browser.execute(() => document.querySelector('#busy-note').focus());
    await browser.waitUntil(async () => !(await (await browser.$('#required-said')).isExisting()), { timeout: 5000, timeoutMsg: 'the sentence stayed after the field was left' });
    // A date typed in part and left keeps what was typed (it is not drawn as empty), is marked,
    // and saving says it is not a whole date.
    await browser.execute(() => document.querySelector('#busy-from').focus());
    await browser.keys(['1', '2']);
    await browser.execute(() => document.querySelector('#busy-note').focus());
    await browser.waitUntil(async () => (await (await browser.$('#busy-from')).getAttribute('data-partial')) !== null, {
      timeout: 5000,
      timeoutMsg: 'a date typed in part was not marked',
    });
    assert.equal(await browser.execute(() => getComputedStyle(document.querySelector('#busy-from')).borderTopStyle), 'dashed');
    await (await browser.$('#busy-from')).saveScreenshot(path.join(artifacts, '08a2-date-field-typed-in-part.png'));
    await (await shown(browser, '#busy-form button[type="submit"]')).click();
    await shownText(browser, '#required-said', '“From” is not a whole date: fill in each part, or clear it.');
    // WebKitWebDriver cannot type into date inputs reliably: set them as a user's picker would.
    const fill = (values) =>
      browser.execute((values) => {
        for (const [id, value] of values) {
          const el = document.getElementById(id);
          el.value = value;
          el.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }, values);
    // The wrong way round first: refused in the form, the dates marked and tied to the reason.
    await fill([['busy-from', '2027-02-05'], ['busy-to', '2027-02-01']]);
    await (await shown(browser, '#busy-form button[type="submit"]')).click();
    assert.match(await textOf(browser, '#busy-form #busy-error'), /\S/);
    for (const id of ['busy-from', 'busy-to']) {
      assert.equal(await (await browser.$(`#${id}`)).getAttribute('aria-invalid'), 'true', id);
      assert.equal(await (await browser.$(`#${id}`)).getAttribute('aria-describedby'), 'busy-error', id);
    }
    await fill([['busy-from', '2027-02-01'], ['busy-to', '2027-02-05'], ['busy-note', 'Annual leave']]);
    // Date fields read day first, whatever the machine's locale (the page's language is British
    // English: commands/window.rs): "01/02/2027" here is 1 February. Look at the artefact.
    assert.deepEqual(await browser.execute(() => [navigator.language, ...navigator.languages]), ['en-GB', 'en-GB']);
    await (await browser.$('#busy-from')).saveScreenshot(path.join(artifacts, '08a-date-field-1-february.png'));
    await (await shown(browser, '#busy-form button[type="submit"]')).click();
    await browser.waitUntil(async () => /Annual leave/.test(await (await browser.$('#busy-list')).getText()), {
      timeout: 10000,
      timeoutMsg: `leave for ${name} did not appear`,
    });
    assert.match(await textOf(browser, '#busy-list'), /Leave: Mon 1 Feb 2027 to Fri 5 Feb 2027 — Annual leave/);
    await assertAccessible(browser, 'people with leave');
    await screenshot(browser, '08-people-leave');
    // Removed with the keyboard: said in the status line, and the keyboard stays in the list.
    const count = (await browser.$$('#busy-list button')).length;
    await browser.execute(() => [...document.querySelectorAll('#busy-list li')].find((li) => /Annual leave/.test(li.textContent)).querySelector('button').focus());
    await browser.keys('Enter');
    await browser.waitUntil(async () => /^Removed leave, Mon 1 Feb 2027 to Fri 5 Feb 2027\.$/.test(await textOf(browser, '#busy-saved').catch(() => '')), {
      timeout: 10000,
      timeoutMsg: 'the removal was not said',
    });
    assert.equal((await browser.$$('#busy-list button')).length, count - 1);
    const focused = await browser.execute(() => (document.activeElement?.closest('#busy-list') ? 'list' : document.activeElement?.id));
    assert.ok(focused === 'list' || focused === 'busy-heading', `focus went to ${focused}`);
  });

  it('shows performance figures that open to their rows', async () => {
    const { browser } = app;
    await (await shown(browser, '#nav-performance')).click();
    await shown(browser, '#kpi-table');
    const row = await shown(browser, '#kpi-table tr[data-kpi="icpc-15wd-strategy"]');
    assert.match(await row.getText(), /\d+\.\d%/);
    await (await row.$('summary')).click();
    assert.match(await row.getText(), /counted/);
    // Charts: a month-by-month line and a bar per team, each drawn (pixels on the canvas), with
    // a sentence for screen readers and the figures as a table. The months are the table's 12:
    // 13 of them, the first and last in part, unless today is a month's last day.
    const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()).split('-').map(Number);
    const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate() === d;
    for (const [chart, rows] of [['#chart-trend', lastDay ? 12 : 13], ['#chart-teams', 3]]) {
      await shown(browser, `${chart} canvas`);
      const label = await (await browser.$(`${chart} [role="img"]`)).getAttribute('aria-label');
      assert.match(label, /^Initial child protection conferences within 15 working days|%|nothing to count/, label);
      const drawn = await browser.execute((sel) => {
        const c = document.querySelector(`${sel} canvas`);
        const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        for (let i = 0; i < px.length; i += 4) if (px[i + 3] > 0 && px[i] < 100) dark++;
        return dark;
      }, chart);
      assert.ok(drawn > 100, `${chart} has no drawing (${drawn} dark pixels)`);
      assert.equal((await browser.$$(`${chart} tbody tr`)).length, rows, `${chart} table rows`);
    }
    const months = await browser.execute(() => [...document.querySelectorAll('#chart-trend tbody th')].map((th) => th.textContent.trim()));
    if (!lastDay) {
      assert.match(months[0], /^\d+–\d+ [A-Z][a-z]{2} \d{4}$/, `the first month, counted from the day the 12 months start: ${months}`);
      assert.match(months.at(-1), /^[A-Z][a-z]{2} \d{4} \(to date\)$/, `${months}`);
    }
    await assertAccessible(browser, 'performance');
    await screenshot(browser, '10-performance');
  });

  it('shows caseloads per practitioner and team', async () => {
    const { browser } = app;
    await (await shown(browser, '#nav-caseloads')).click();
    await shown(browser, '#people-caseloads');
    const rows = await browser.$$('#people-caseloads [data-testid="caseload-row"]');
    assert.ok(rows.length >= 12, `only ${rows.length} practitioners`);
    const teams = await browser.$$('#team-caseloads tbody tr');
    assert.equal(teams.length, 3);
    // Every allocated child is in a column: on a plan (one may be on two), or on none.
    const counts = await browser.execute(() =>
      [...document.querySelectorAll('#people-caseloads [data-testid="caseload-row"]')].map((r) =>
        [...r.querySelectorAll('td')].slice(2, 7).map((td) => Number(td.textContent)),
      ),
    );
    for (const [children, cp, cin, lac, none] of counts) assert.ok(cp + cin + lac + none >= children, JSON.stringify(counts));
    assert.ok(counts.some(([, , , , none]) => none > 0), 'no child without a plan in the demo');
    assert.match(await textOf(browser, '#people-caseloads thead'), /Child protection\s*Child in need\s*Looked after\s*No plan/);
    assert.match(await textOf(browser, '#caseload-alerts'), /Nobody is over/);
    // Caseloads over time: today's snapshot (taken when the demo loaded) for the first person.
    const label = await (await shown(browser, '#chart-caseload [role="img"]')).getAttribute('aria-label');
    assert.match(label, /^Children allocated to .+, day by day: from \d+ to \d+; .+: \d+\.$/, label);
    assert.ok((await browser.$$('#chart-caseload tbody tr')).length >= 1, 'no caseload history rows');
    // A new store has counted one day: said, so a chart of one point does not look broken.
    if ((await browser.$$('#chart-caseload tbody tr')).length === 1) await shownText(browser, '#caseload-history-short', /^Only one day is counted so far for .+: the line gains a point each day Convene is opened\.$/);
    await tallScreenshot(browser, '12b-caseloads-over-time-full-page', 1800, '#chart-caseload');

    // Lower a team manager's span below the demo teams' four social workers: every team is flagged.
    await (await shown(browser, '#nav-settings')).click();
    await shown(browser, '#team-sw');
    await browser.execute(() => {
      const el = document.getElementById('team-sw');
      el.value = '3';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // Saved from the keyboard: the sections above this one may still be loading and move the
    // button down between WebDriver's scroll and its click (this test failed once in five debug
    // runs, after 11 s: most likely this 10 s wait for "Saved").
    await shown(browser, '#save-limits');
    await browser.execute(() => document.getElementById('save-limits').focus());
    await browser.keys(['Enter']);
    await browser.waitUntil(async () => /Saved/.test(await (await browser.$('#caseload-limits')).getText()), {
      timeout: 10000,
      timeoutMsg: 'the caseload limits were not saved',
    });
    await (await shown(browser, '#nav-caseloads')).click();
    await shown(browser, '#people-caseloads');
    const alerts = await textOf(browser, '#caseload-alerts');
    assert.equal((alerts.match(/'s manager oversees \d+ social workers? \(limit 3\)\./g) ?? []).length, 3, alerts);
    // Only what is over is named: no "0 advanced practitioners (limit 1)".
    assert.ok(!alerts.includes('advanced practitioner'), alerts);
    assert.equal((await browser.$$('#team-caseloads .badge')).length, 3);
    await assertAccessible(browser, 'caseloads with alerts');
    await screenshot(browser, '12-caseloads');
  });

  it('has opened no network connection', async () => {
    const { pids, remote } = remoteSockets();
    assert.ok(pids.length >= 1, 'the app process was not found');
    assert.deepEqual(remote, [], `sockets to other machines: ${remote.join('\n')}`);
  });

  it('finds the booking again after quitting and relaunching', async () => {
    // Three relaunches, each timed and measured; the figures are their medians (this 2-core
    // machine is noisy). The last launch stays open for the checks below.
    const samples = { total: [], own: [], rss: [], app: [], pss: [] };
    for (let i = 0; i < 3; i++) {
      await app.stop();
      const started = performance.now();
      app = await launch(dataDir);
      await app.browser.setWindowSize(1280, 800);
      await shown(app.browser, '#dashboard [data-testid="items-overdue"]', 30000);
      samples.total.push(Math.round(performance.now() - started));
      // The app's own part: from its process starting to the dashboard's list on screen (the
      // page's mark), without tauri-driver and the WebDriver handshake.
      const usableAt = await app.browser.execute(() => performance.timeOrigin + performance.getEntriesByName('dashboard-usable')[0].startTime);
      samples.own.push(Math.round(usableAt - appStartedAt(dataDir)));
      // The window opened on the drawn list: it was hidden until then, and is shown now.
      const opened = await app.browser.execute(() => ({
        wasHidden: performance.getEntriesByName('window-shown')[0]?.detail?.wasHidden,
        visible: document.visibilityState,
      }));
      assert.deepEqual(opened, { wasHidden: true, visible: 'visible' });
      const mem = residentMemoryMb();
      assert.ok(mem.app > 0, 'no app process found in /proc');
      samples.rss.push(mem.total);
      samples.app.push(mem.app);
      samples.pss.push(mem.pss);
    }
    const { browser } = app;
    record('cold start to usable dashboard (ms, demo data)', median(samples.total));
    record('cold start, app process start to usable dashboard (ms, demo data)', median(samples.own));
    record('cold start, app process start to usable dashboard, 3 launches (ms)', samples.own);
    record('resident memory, app and WebKit processes (MiB, demo data)', median(samples.rss));
    record('resident memory, app process alone (MiB, demo data)', median(samples.app));
    record('proportional memory (PSS), app and WebKit processes (MiB, demo data)', median(samples.pss));
    // What keeps that down (src-tauri/src/memory.rs) reaches the web process: no accelerated
    // compositing or GPU buffers, no GPU lookup, no OpenGL in GTK, Mesa's plainer software
    // driver for the EGL display nothing draws with, no JavaScript JIT.
    const webEnv = webProcessEnvironment(dataDir);
    assert.equal(webEnv.WEBKIT_DISABLE_COMPOSITING_MODE, '1');
    assert.equal(webEnv.WEBKIT_DISABLE_DMABUF_RENDERER, '1');
    assert.equal(webEnv.WEBKIT_WEB_RENDER_DEVICE_FILE, '/dev/null');
    assert.equal(webEnv.GDK_GL, 'disable');
    assert.equal(webEnv.GALLIUM_DRIVER, 'softpipe');
    assert.equal(webEnv.JSC_useJIT, '0');
    // ... and the app's own process has not loaded Mesa's driver (and libLLVM) to find a GPU.
    const appMaps = appMappings(dataDir);
    assert.ok(appMaps.includes('libwebkit2gtk'), 'the app process maps were not read');
    assert.ok(!/\/dri\/|libLLVM|libgallium|libEGL_mesa|libGLX_mesa/.test(appMaps), 'the app process loaded a Mesa driver');
    await (await shown(browser, '#nav-children')).click();
    await shown(browser, '#child-search');
    await browser.execute((v) => {
      const el = document.getElementById('child-search');
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, bookedChild);
    const button = await shown(browser, '#children-table tbody th button');
    assert.equal(await button.getText(), bookedChild);
    await button.click();
    const item = await textOf(browser, '#child-open-items li[data-rule="strategy-to-icpc"]');
    assert.match(item, /scheduled for .*inside the deadline/, item);
  });
});
