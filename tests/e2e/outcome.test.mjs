// Recording a conference's outcome on the real window: an ICPC held on the last weekday decides
// on a plan with its core group; the app proposes the first core group and first review inside
// their windows, and one click books the core group.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { axeViolations, describeViolations, launch, newDataDir, repo, screenshot, shown, shownText } from './harness.mjs';

const cli = process.env.CONVENE_CLI ?? path.join(repo, 'target', 'debug', 'convene');

function lastWeekday() {
  const d = new Date();
  do {
    d.setDate(d.getDate() - 1);
  } while (d.getDay() === 0 || d.getDay() === 6);
  // The local date (toISOString would give UTC's, another day near midnight off UTC).
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

describe('recording an outcome', () => {
  const dataDir = newDataDir();
  const env = { ...process.env, CONVENE_DATA_DIR: dataDir };
  const convene = (...args) => execFileSync(cli, args, { env, encoding: 'utf8' });
  let app;
  let childName;
  let chairName;
  let parentId;
  let meetingId;
  let addedMember;
  // The meetings whose time has passed unrecorded once the test's conference is added: the
  // demo leaves one or two (a core group this morning counts once its time has gone).
  let unrecorded;

  before(async () => {
    convene('demo');
    // A born child's (an unborn baby's would be a pre-birth conference).
    const waiting = JSON.parse(convene('timescales', '--open', '--json')).find((i) => i.rule === 'strategy-to-icpc' && i.schedule_kind === 'icpc');
    const child = waiting.child;
    const record = JSON.parse(convene('child', 'show', child, '--json')).child;
    const sw = record.social_worker;
    // A parent and the police officer from the child's network come too; no one from health.
    const linked = (role) => record.network.find((l) => l.role === role).person;
    const chair = JSON.parse(convene('person', 'list', '--json')).find((p) => p.role.startsWith('Child protection chair'));
    chairName = chair.name;
    parentId = linked('parent');
    childName = JSON.parse(convene('child', 'list', '--json')).find((c) => c.id === child).name;
    meetingId = convene('meeting', 'add', '--kind', 'icpc', '--child', child, '--start', `${lastWeekday()}T10:00`, '--duration', '120',
      '--online', 'Teams', '--chair', chair.id, '--required', sw, '--optional', `${linked('parent')},${linked('police')}`,
      '--override', 'Recorded after the conference');
    unrecorded = JSON.parse(convene('meeting', 'unrecorded', '--json')).length;
    app = await launch(dataDir);
    await app.browser.setWindowSize(1280, 800);
  });
  after(async () => {
    await app?.stop();
  });

  it('the dashboard asks for the outcomes of meetings whose time has passed', async () => {
    const { browser } = app;
    // Asked for once the timescales are on screen.
    await shown(browser, '#dashboard [data-testid="items-outcomes"]');
    const items = await browser.$$('#dashboard [data-testid="outcome-item"]');
    // The conference added above, and the demo's last core groups, left unrecorded.
    assert.ok(unrecorded >= 2, `the CLI lists ${unrecorded} meetings to record`);
    assert.equal(items.length, unrecorded, 'not the meetings to record that the CLI lists');
    assert.equal(await (await browser.$('[data-testid="group-outcomes"]')).getText(), `Outcomes to record (${unrecorded})`);
    const texts = [];
    for (const i of items) texts.push(await i.getText());
    // Oldest first: the conference (the last weekday) and the core group (before it, or earlier that day).
    const icpc = texts.findIndex((t) => t.startsWith('Initial child protection conference'));
    assert.ok(icpc >= 0, `no conference in ${JSON.stringify(texts)}`);
    assert.ok(texts[icpc].includes(childName), texts[icpc]);
    assert.ok(texts.some((t) => t.startsWith('Core group')), `no core group in ${JSON.stringify(texts)}`);
    // The child's conference item, booked for a day now past, asks for the outcome too.
    let booked = null;
    for (const li of await browser.$$('#dashboard li[data-rule="strategy-to-icpc"]')) {
      if ((await li.getText()).includes(childName)) booked = li;
    }
    assert.ok(booked, `no ICPC item for ${childName} on the dashboard`);
    assert.match(await booked.getText(), /Booked for \w{3} \d{1,2} \w{3} \d{4}(, after the deadline)?: record its outcome/);
    assert.ok(await (await booked.$('[data-testid="record-booked-outcome"]')).isExisting(), 'no "Record outcome" on the booked item');
    await browser.execute(() => document.getElementById('group-outcomes').scrollIntoView());
    await screenshot(browser, '02b-dashboard-outcomes-to-record');
    const violations = await axeViolations(browser);
    assert.deepEqual(violations, [], describeViolations(violations));
    // Its button opens the meeting's outcome, and Back returns to the dashboard.
    await (await items[icpc].$('[data-testid="record-outcome"]')).click();
    await shownText(browser, '#outcome-title', /Initial child protection conference/);
    await shownText(browser, '#screen-back', 'Back to what needs doing');
    await (await shown(browser, '#outcome-screen > button')).click();
    await shown(browser, '#dashboard [data-testid="items-outcomes"]');

    // Meetings lists the next 14 days, and above them those of earlier days still to record.
    await (await shown(browser, '#nav-meetings')).click();
    await shown(browser, '#meetings-table');
    const earlier = await shownText(browser, '#meetings-earlier', /^Meetings of earlier days with no outcome recorded \(\d+\):/);
    assert.ok(earlier.includes(`Initial child protection conference for ${childName}, `), earlier);
    // Each opens its outcome from here, and Back comes back here.
    const label = await browser.execute(
      (n) => [...document.querySelectorAll('#meetings-earlier [data-testid="earlier-outcome"]')].map((b) => b.getAttribute('aria-label')).find((l) => l.includes(n)),
      childName,
    );
    assert.match(label ?? '', /^Record outcome: Initial child protection conference for /);
    await (await browser.$(`#meetings-earlier [aria-label="${label}"]`)).click();
    await shownText(browser, '#outcome-title', /Initial child protection conference/);
    await shownText(browser, '#screen-back', 'Back to meetings');
    await (await shown(browser, '#screen-back')).click();
    await shown(browser, '#meetings-table');
    await (await shown(browser, '#nav-dashboard')).click();
    await shown(browser, '#dashboard [data-testid="items-outcomes"]');
  });

  it('records a plan and its core group, then books the proposed core group', async () => {
    const { browser } = app;
    await (await shown(browser, '#nav-children')).click();
    await shown(browser, '#children-table');
    const buttons = await browser.$$('#children-table tbody th button');
    let opened = false;
    for (const b of buttons) {
      if ((await b.getText()) === childName) {
        await b.click();
        opened = true;
        break;
      }
    }
    assert.ok(opened, `no ${childName} in the children list`);
    await shown(browser, '#child-timeline [data-testid="timeline-outcome"]');
    // The conference's timescale, booked for a day now past, asks for the outcome on the record too.
    const item = await shown(browser, '#child-open-items li[data-rule="strategy-to-icpc"]');
    assert.match(await item.getText(), /Booked for \w{3} \d{1,2} \w{3} \d{4}(, after the deadline)?: record its outcome/);
    assert.ok(await (await item.$('[data-testid="record-booked-outcome"]')).isExisting(), 'no "Record outcome" on the open item');
    let record = null;
    for (const b of await browser.$$('#child-timeline [data-testid="timeline-outcome"]')) {
      if ((await b.getText()) === 'Record outcome' && /initial child protection conference/.test(await b.getAttribute('aria-label'))) record = b;
    }
    assert.ok(record, 'no "Record outcome" for the ICPC on the timeline');
    await record.click();
    await shown(browser, '#outcome-form');
    await shownText(browser, '#outcome-title', /Initial child protection conference/);
    assert.equal(await (await shown(browser, '#outcome-chair')).getText(), `Chair: ${chairName} (Child protection chair / independent reviewing officer).`);
    // Before any mark, the form says who the conference would decide without.
    await shownText(
      browser,
      '#outcome-without',
      /^Not marked as attending: a parent or carer; anyone from the police; anyone from health \(none was invited\)\. If the conference went ahead without them, the minutes should say why\.$/,
    );

    // Attendance for every invitee, the decision, the category and the core group.
    await browser.execute(() => {
      for (const r of document.querySelectorAll('input[type="radio"][value="attended"]')) r.click();
      document.querySelector('input[name="decision"][value="plan"]').click();
    });
    // Marked as there: only health, never invited, is still said.
    await shownText(browser, '#outcome-without', /^Not marked as attending: anyone from health \(none was invited\)\./);
    // No category is chosen for a first plan: recording asks for one, on its field.
    await (await shown(browser, '#record-outcome')).click();
    await shownText(browser, '#outcome-category-error', /^Choose the category of the plan/);
    assert.equal(await (await browser.$('#outcome-category')).getAttribute('aria-describedby'), 'outcome-category-error');
    await browser.waitUntil(async () => (await browser.execute(() => document.activeElement?.id)) === 'outcome-category', {
      timeout: 5000,
      timeoutMsg: 'the keyboard is not on the category',
    }).catch(async (e) => {
      throw new Error(`${e.message}: on ${await browser.execute(() => document.activeElement?.outerHTML.slice(0, 200))}`);
    });
    await (await shown(browser, '#outcome-category')).selectByAttribute('value', 'emotional');
    // Chosen: the request goes.
    await browser.waitUntil(async () => !(await (await browser.$('#outcome-category-error')).isExisting()), { timeout: 5000, timeoutMsg: 'the request for a category stayed after one was chosen' });
    const members = await browser.$$('#outcome-core-group input:checked');
    assert.ok(members.length >= 2, 'the required invitees and the parent are offered as the core group');
    // The parent, invited as optional, is a member; the police officer, optional, is not.
    assert.equal(await browser.execute((id) => document.querySelector(`#outcome-core-group input[value="${id}"]`)?.checked, parentId), true, 'the parent is not in the core group');
    // Someone not invited to the conference joins the core group.
    addedMember = await browser.execute(() => document.querySelector('#core-group-add option:nth-child(2)').value);
    await (await browser.$('#core-group-add')).selectByAttribute('value', addedMember);
    await (await browser.$('#core-group-add-button')).click();
    await browser.waitUntil(async () => (await browser.execute((id) => document.activeElement?.value === id && document.activeElement.checked, addedMember)), {
      timeout: 5000,
      timeoutMsg: 'the person added is not a ticked member with the keyboard on them',
    });
    assert.equal(await browser.execute((id) => !!document.querySelector(`#core-group-add option[value="${id}"]`), addedMember), false, 'still offered once added');
    const violations = await axeViolations(browser);
    assert.equal(violations.length, 0, `outcome form:\n${describeViolations(violations)}`);
    await screenshot(browser, '13-outcome-form');

    // The social worker's report was received.
    await (await shown(browser, '#outcome-form input[data-report]')).click();
    await (await shown(browser, '#record-outcome')).click();
    const notice = await (await shown(browser, '#outcome-notice')).getText();
    assert.match(notice, /^Recorded\. Held on \w{3} \d{1,2} \w{3} \d{4}\. Decision: child protection plan \(emotional abuse\)\./);
    const proposals = await (await shown(browser, '#proposals')).getText();
    assert.match(proposals, /Core group: between .+ and .+\./);
    assert.match(proposals, /Review child protection conference: between/);
    const after = await axeViolations(browser);
    assert.equal(after.length, 0, `proposals:\n${describeViolations(after)}`);
    await screenshot(browser, '14-outcome-proposals');

    const book = await shown(browser, '#proposals [data-testid="book-proposal"]');
    const label = await book.getAttribute('aria-label');
    assert.match(label, /^Book .+ \(core group\)$/);
    await book.click();
    await browser.waitUntil(async () => /^Booked: Core group,/.test(await (await browser.$('#outcome-notice')).getText()), {
      timeout: 15000,
      timeoutMsg: 'the proposed core group was not booked',
    });
    // Booked: it is no longer proposed, the review still is.
    await browser.waitUntil(async () => !/Core group: between/.test(await (await browser.$('#proposals')).getText()), {
      timeout: 15000,
      timeoutMsg: 'the booked core group is still proposed',
    });
    await shownText(browser, '#proposals', /Review child protection conference: between/);
    // The button pressed went with its proposal: the keyboard is on what was booked.
    assert.equal(await browser.execute(() => document.activeElement?.id), 'outcome-notice');
  });

  it('keeps the attendance and the report received in the store', async () => {
    await app.stop();
    app = null;
    const m = JSON.parse(convene('meeting', 'show', meetingId.trim(), '--json'));
    assert.equal(m.invitees[0].attendance, 'attended');
    assert.equal(m.invitees[0].report_received, true);
    assert.ok(m.outcome.core_group.includes(addedMember), `the member added is not in the core group: ${JSON.stringify(m.outcome)}`);
    assert.ok(m.outcome.core_group.includes(parentId), `the parent is not in the core group: ${JSON.stringify(m.outcome)}`);
  });
});
