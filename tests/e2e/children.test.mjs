// A new referral on the real window: add a child on the Children screen, allocate them to a
// social worker on their record, and record the referral, whose deadlines (a decision by the next
// working day, the assessment within 45) then appear on the record.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { axeViolations, describeViolations, launch, newDataDir, repo, screenshot, setToMax, shown, shownText } from './harness.mjs';

const cli = process.env.CONVENE_CLI ?? path.join(repo, 'target', 'debug', 'convene');

/** Set an input's value as typing would (Svelte's bindings listen for `input`). */
async function fill(browser, selector, value) {
  await browser.execute(
    (s, v) => {
      const input = document.querySelector(s);
      input.value = v;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    selector,
    value,
  );
}

/** The first child's social worker, from their record: the text beside the "Change" button,
 * once the record is read. */
async function firstChildsSocialWorker(browser) {
  await (await shown(browser, '#nav-children')).click();
  await (await shown(browser, '#children-table tbody th button')).click();
  const socialWorker = () =>
    browser.execute(() => {
      const dt = [...document.querySelectorAll('#child-record dt')].find((d) => d.textContent.trim() === 'Social worker');
      const dd = dt?.nextElementSibling;
      return dd ? [...dd.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim() : '';
    });
  await browser.waitUntil(async () => (await socialWorker()) !== '', { timeout: 10000, timeoutMsg: 'the record shows no social worker' });
  return socialWorker();
}

describe('a new referral', () => {
  const dataDir = newDataDir();
  const env = { ...process.env, CONVENE_DATA_DIR: dataDir };
  let app;

  before(async () => {
    execFileSync(cli, ['demo'], { env, encoding: 'utf8' });
    app = await launch(dataDir);
    await app.browser.setWindowSize(1280, 800);
  });
  after(async () => {
    await app?.stop();
  });

  it('adds a child, allocates them and records the referral', async () => {
    const { browser } = app;
    await (await shown(browser, '#nav-children')).click();
    await (await shown(browser, '#add-child-open')).click();
    await shown(browser, '#add-child-form');
    assert.equal(await browser.execute(() => document.activeElement?.id), 'add-child-given', 'the keyboard goes to the form');

    // A date of birth after today is refused in a sentence (the field's own limit taken off, as
    // a typed date gets past it).
    await fill(browser, '#add-child-given', 'Robin');
    await fill(browser, '#add-child-family', 'Testfield');
    await browser.execute(() => document.querySelector('#add-child-date').removeAttribute('max'));
    await fill(browser, '#add-child-date', '2099-01-01');
    await (await browser.$('#add-child-submit')).click();
    const refused = await shown(browser, '#add-child-error');
    assert.match(await refused.getText(), /^The date of birth 01\/01\/2099 is after today: for an unborn child give the expected date of delivery\.$/);
    assert.equal(await browser.execute(() => document.activeElement?.id), 'add-child-date', 'the keyboard goes to the date refused');
    assert.equal(await (await browser.$('#add-child-date')).getAttribute('aria-invalid'), 'true');

    // A changed date takes the refusal of the old one away.
    await fill(browser, '#add-child-date', '2019-06-15');
    assert.equal((await browser.$$('#add-child-error')).length, 0, 'the refusal stays after the date changed');
    assert.notEqual(await (await browser.$('#add-child-date')).getAttribute('aria-invalid'), 'true');
    await fill(browser, '#add-child-case', 'NEW-1');
    const worker = await browser.execute(() => {
      const s = document.querySelector('#add-child-worker');
      return s.options.length;
    });
    assert.ok(worker > 2, 'social workers are offered');
    await (await browser.$('#add-child-worker')).selectByIndex(1);
    const firstWorker = await browser.execute(() => document.querySelector('#add-child-worker').selectedOptions[0].textContent.trim());
    const violations = await axeViolations(browser);
    assert.equal(violations.length, 0, `add a child:\n${describeViolations(violations)}`);
    await screenshot(browser, '03b-add-child');
    await (await browser.$('#add-child-submit')).click();

    // Their record opens, with a way back to where it was opened from.
    const title = await shown(browser, '#child-title');
    assert.equal(await title.getText(), 'Robin Testfield');
    assert.equal(await (await browser.$('#child-back')).getText(), 'Back to children');
    const details = await (await browser.$('#child-record .details')).getText();
    assert.match(details, /NEW-1/);
    assert.match(details, new RegExp(firstWorker));

    // Allocated to someone else.
    await (await shown(browser, '#allocate-change')).click();
    await shown(browser, '#allocate-worker');
    assert.equal(await browser.execute(() => document.activeElement?.id), 'allocate-worker');
    await (await browser.$('#allocate-worker')).selectByIndex(2);
    const secondWorker = await browser.execute(() => document.querySelector('#allocate-worker').selectedOptions[0].textContent.trim());
    assert.notEqual(secondWorker, firstWorker);
    await (await browser.$('#allocate-save')).click();
    const allocated = await shown(browser, '#allocation-said');
    assert.equal(await allocated.getText(), `Allocated to ${secondWorker}.`);
    assert.equal(await browser.execute(() => document.activeElement?.id), 'allocation-said');
    assert.match(await (await browser.$('#child-record .details')).getText(), new RegExp(secondWorker));

    // A brother recorded on both records, then removed.
    await (await shown(browser, '#sibling-add')).click();
    await shown(browser, '#sibling-child');
    assert.equal(await browser.execute(() => document.activeElement?.id), 'sibling-child');
    await (await browser.$('#sibling-child')).selectByIndex(1);
    const brother = await browser.execute(() => document.querySelector('#sibling-child').selectedOptions[0].textContent.replace(/ \(.*\)$/, '').trim());
    await (await browser.$('#sibling-save')).click();
    await shownText(browser, '#sibling-said', `Recorded: ${brother} is a brother or sister.`);
    assert.match(await (await browser.$('#siblings')).getText(), new RegExp(brother));
    const siblingViolations = await axeViolations(browser);
    assert.equal(siblingViolations.length, 0, `siblings:\n${describeViolations(siblingViolations)}`);
    await (await shown(browser, '#siblings [data-unsibling]')).click();
    await shownText(browser, '#sibling-said', `Removed: ${brother} as a brother or sister.`);
    assert.equal((await browser.$$('#siblings li')).length, 0);

    // Nothing is due until the referral is recorded; then its decision and assessment are.
    assert.equal((await browser.$$('#child-open-items li')).length, 0);
    await (await shown(browser, '#event-kind')).selectByAttribute('value', 'referral');
    // The date starts empty, so that nothing is dated today unless someone chose it.
    assert.equal(await (await browser.$('#event-date')).getValue(), '');
    await (await browser.$('#record-event-submit')).click();
    await shownText(browser, '#required-said', '“Date it happened” must be filled in.');
    assert.equal(await browser.execute(() => document.activeElement?.id), 'event-date');
    assert.equal((await browser.$$('#child-open-items li')).length, 0, 'recorded without a date');
    await setToMax(browser, 'event-date');
    await (await browser.$('#record-event-submit')).click();
    await shown(browser, '#record-said');
    await shown(browser, '#child-open-items li[data-rule="referral-to-assessment"]');
    await shown(browser, '#child-open-items li[data-rule="referral-decision"]');

    // "Record it" beside the decision sets the form to it and says which deadline.
    await browser.execute(() => document.querySelector('#child-open-items li[data-rule="referral-decision"] [data-testid="record-item"]').click());
    await browser.waitUntil(() => browser.execute(() => document.activeElement?.id === 'event-date'), { timeout: 5000 });
    assert.equal(await browser.execute(() => document.querySelector('#event-kind').value), 'referral-decision');
    await shownText(browser, '#record-for', /^To meet “Decision on a referral”, due by \w{3} \d{1,2} \w{3} \d{4} \((today|tomorrow|in \d+ working days?|\d+ working days? overdue)\): record /);
    await setToMax(browser, 'event-date');
    await (await browser.$('#record-event-submit')).click();
    await shown(browser, '#record-said');
    await browser.waitUntil(async () => (await browser.$$('#child-open-items li[data-rule="referral-decision"]')).length === 0, {
      timeout: 5000,
      timeoutMsg: 'the decision is still open once recorded',
    });

    // No kind of episode, nor its first day, is chosen at first: Start asks for the kind, on its field.
    assert.equal(await (await shown(browser, '#episode-kind')).getValue(), '');
    assert.equal(await (await browser.$('#episode-start')).getValue(), '');
    await setToMax(browser, 'episode-start');
    await (await browser.$('#episode-start-save')).click();
    await shownText(browser, '#episode-error', /^Choose the kind of episode to start/);
    assert.equal(await browser.execute(() => document.activeElement?.id), 'episode-kind');
    assert.equal(await (await browser.$('#episode-kind')).getAttribute('aria-invalid'), 'true');
    // Looked after from today: the first looked-after review is due; ended, it is not.
    await (await shown(browser, '#episode-kind')).selectByAttribute('value', 'looked-after');
    await (await browser.$('#episode-start-save')).click();
    await shownText(browser, '#episode-said', /^Started: looked after from /);
    await shown(browser, '#child-open-items li[data-rule="lac-first-review"]');
    // Started, its first day is emptied: the form is not ready to start the same again.
    assert.equal(await (await browser.$('#episode-start')).getValue(), '');
    await browser.execute(() => window.scrollTo(0, 0));
    await screenshot(browser, '05d-new-child-record');
    await (await shown(browser, '#episodes [data-end]')).click();
    await shown(browser, '#episode-end');
    assert.equal(await browser.execute(() => document.activeElement?.id), 'episode-end');
    await (await browser.$('#episode-end-save')).click();
    await shownText(browser, '#episode-said', /^Ended: looked after, on /);
    await browser.waitUntil(async () => (await browser.$$('#child-open-items li[data-rule="lac-first-review"]')).length === 0, {
      timeout: 5000,
      timeoutMsg: 'the looked-after review is still open once the episode ended',
    });
    // Entered by mistake: removed after asking once more.
    await (await shown(browser, '#episodes [data-remove-episode]')).click();
    await shown(browser, '#episode-remove-yes');
    assert.equal(await browser.execute(() => document.activeElement?.id), 'episode-remove-yes');
    await (await browser.$('#episode-remove-yes')).click();
    await shownText(browser, '#episode-said', /^Removed: looked after from /);
    assert.equal((await browser.$$('#episodes [data-remove-episode]')).length, 0);
    // Starting one after today is refused, and the date says so.
    await (await browser.$('#episode-kind')).selectByAttribute('value', 'looked-after');
    await browser.execute(() => document.querySelector('#episode-start').removeAttribute('max'));
    await fill(browser, '#episode-start', '2099-01-01');
    await (await browser.$('#episode-start-save')).click();
    await shown(browser, '#episode-error');
    assert.equal(await browser.execute(() => document.activeElement?.id), 'episode-start');
    assert.equal(await (await browser.$('#episode-start')).getAttribute('aria-invalid'), 'true');
    const violations2 = await axeViolations(browser);
    assert.equal(violations2.length, 0, `child record with its forms:\n${describeViolations(violations2)}`);
    // And the new child is on the Children screen, allocated.
    await (await shown(browser, '#nav-children')).click();
    await shown(browser, '#children-table');
    const row = await browser.execute(
      () => [...document.querySelectorAll('#children-table tbody tr')].map((r) => r.textContent).find((t) => t.includes('Robin Testfield')),
    );
    assert.ok(row && row.includes(secondWorker), `no allocated row for the new child: ${row}`);
  });

  it('adds an unborn baby and records the birth', async () => {
    const { browser } = app;
    await (await shown(browser, '#nav-children')).click();
    await (await shown(browser, '#add-child-open')).click();
    await fill(browser, '#add-child-given', 'Baby');
    await fill(browser, '#add-child-family', 'Testfield');
    await browser.execute(() => document.querySelector('input[name="add-child-born"]:not(:checked)').click());
    const label = await browser.execute(() => document.querySelector('#add-child-date').closest('label').textContent.trim());
    assert.equal(label, 'Expected date of delivery');
    const due = new Date(Date.now() + 60 * 86400000).toISOString().slice(0, 10);
    await fill(browser, '#add-child-date', due);
    await (await browser.$('#add-child-submit')).click();
    await shownText(browser, '#child-title', 'Baby Testfield');
    assert.match(await (await browser.$('#child-record .details')).getText(), /EDD \d{2}\/\d{2}\/\d{4}/);
    // A pre-birth conference booked before the baby comes is pointed out once they are born.
    await (await shown(browser, '#schedule-kind')).selectByAttribute('value', 'pre-birth-conference');
    await (await shown(browser, '#find-slots')).click();
    // A baby with no one in their network: the search says no one is invited.
    await shownText(browser, '#no-invitees', /^No one is invited yet( but the chair)?\. Invite people below/, { timeout: 20000 });
    // No parent or carer among them: the suggestions say so, and booking asks why.
    await shownText(browser, '#slot-message', /No parent or carer is among the invitees: a conference normally invites them/);
    await (await shown(browser, '#slot-list li button', 20000)).click();
    await shownText(browser, '#conflicts', /No parent or carer of Baby Testfield is recorded, so none is invited to the pre-birth conference on /);
    await fill(browser, '#override-reason', 'Referred by the midwife; the mother is not yet known to us.');
    await (await shown(browser, '#conflicts button')).click();
    await shownText(browser, '#booked-message', /^Booked: Pre-birth conference/);
    // With a conference booked and no social worker, the record says so beside "Not allocated".
    await shownText(browser, '#unallocated-warning', /^No social worker is allocated to Baby Testfield, who has (\d+ timescales? running and )?1 meeting booked \((initial child protection|pre-birth) conference, \w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d\)\. Choose one with “Change”\.$/);
    await (await shown(browser, '#birth-record')).click();
    await shown(browser, '#birth-date');
    assert.equal(await browser.execute(() => document.activeElement?.id), 'birth-date');
    // A birth after today is refused on its field.
    await browser.execute(() => document.querySelector('#birth-date').removeAttribute('max'));
    await fill(browser, '#birth-date', '2099-01-01');
    await (await browser.$('#birth-save')).click();
    await shownText(browser, '#birth-error', /is after today: record the birth once it has happened\.$/);
    assert.equal(await browser.execute(() => document.activeElement?.id), 'birth-date');
    assert.equal(await (await browser.$('#birth-date')).getAttribute('aria-invalid'), 'true');
    await fill(browser, '#birth-date', new Date().toISOString().slice(0, 10));
    await (await browser.$('#birth-save')).click();
    await shownText(browser, '#birth-said', /^Birth recorded: \w+ \d+ \w+ \d{4}\.$/);
    // What it leaves to do is a panel of its own, with its actions; the keyboard is on it.
    await browser.waitUntil(async () => (await browser.execute(() => document.activeElement?.id)) === 'after-birth-title', {
      timeout: 5000,
      timeoutMsg: 'the keyboard is not on what the birth leaves to do',
    });
    assert.match(
      await shownText(browser, '#after-birth', /still booked/),
      /^To do now that Baby Testfield is born\s+The pre-birth conference on \w+ \d+ \w+ \d{4}, \d\d:\d\d–\d\d:\d\d is still booked: now that Baby Testfield is born, hold it as the initial child protection conference, or cancel it and book one in its place, as your local procedures say\.\s+Hold it as the initial conference\s+Cancel or change this conference…\s+Book an initial child protection conference$/,
    );
    // Its conference opens in the meeting editor, here on the record; closing it goes back.
    await (await shown(browser, '#after-birth [data-after-birth]')).click();
    await shownText(browser, '#meeting-editor-title', /Pre-birth conference/);
    assert.ok(await (await browser.$('#editor-cancel-start')).isExisting(), 'no way to cancel it from the editor');
    await (await shown(browser, '#editor-close')).click();
    assert.equal(await browser.execute(() => document.activeElement?.dataset.afterBirth !== undefined), true, 'the keyboard is not back on its button');
    // Booking the initial conference asks the scheduler for one.
    await (await shown(browser, '#after-birth-book')).click();
    await browser.waitUntil(async () => (await browser.execute(() => document.activeElement?.id)) === 'schedule-kind', {
      timeout: 5000,
      timeoutMsg: 'the keyboard is not on the scheduler',
    });
    assert.equal(await (await browser.$('#schedule-kind')).getValue(), 'icpc');
    // Or, as some procedures do, the booked conference is held as the initial one: same time,
    // place and people; the to-do is done and says so, with the keyboard on it.
    await (await shown(browser, '#after-birth [data-hold-icpc]')).click();
    // Still no parent or carer recorded: held only with the reason.
    await shownText(browser, '#after-birth-clashes', /No parent or carer of Baby Testfield is recorded, so none is invited to the initial child protection conference on /);
    await fill(browser, '#after-birth-override', 'The mother is not yet known to us; the chair has been told.');
    await (await shown(browser, '#after-birth-anyway')).click();
    await shownText(browser, '#after-birth-said', /^The pre-birth conference is now the initial child protection conference \(\w+ \d+ \w+ \d{4}, \d\d:\d\d–\d\d:\d\d\)\. Export its invitation again/);
    assert.equal(await browser.execute(() => document.activeElement?.id), 'after-birth-said');
    assert.equal(await (await browser.$('#after-birth [data-hold-icpc]')).isExisting(), false, 'the conference is still offered to be held as the initial one');
    assert.equal(await (await browser.$('#after-birth-book')).isExisting(), false, 'a second initial conference is offered');
    await browser.waitUntil(async () => /Initial child protection conference/.test(await (await browser.$('#child-record')).getText()), {
      timeout: 5000,
      timeoutMsg: 'the record does not list the initial conference',
    });
    assert.match(await (await browser.$('#child-record .details')).getText(), /DOB \d{2}\/\d{2}\/\d{4} \(age \d+ days?; expected \d{2}\/\d{2}\/\d{4}, born 8 weeks early\)/);
    // The expected date stays beside the date of birth (the pre-birth timescale was counted from it).
    await shownText(browser, '#expected-before-birth', `expected ${due.split('-').reverse().join('/')}, born 8 weeks early`);
    await (await browser.$('#child-title')).scrollIntoView();
    await screenshot(browser, '05e-born-baby-record');
    assert.equal((await browser.$$('#birth-record')).length, 0, 'a birth is recorded once');

    // A name typed wrongly is corrected; a date of birth after today is refused on its field.
    await (await shown(browser, '#edit-details')).click();
    await shown(browser, '#details-form');
    assert.equal(await browser.execute(() => document.activeElement?.id), 'edit-given');
    await fill(browser, '#edit-family', 'Testfield-Ray');
    await browser.execute(() => document.querySelector('#edit-date').removeAttribute('max'));
    await fill(browser, '#edit-date', '2099-01-01');
    await (await browser.$('#details-save')).click();
    await shown(browser, '#details-error');
    assert.equal(await browser.execute(() => document.activeElement?.id), 'edit-date');
    assert.equal(await (await browser.$('#edit-date')).getAttribute('aria-invalid'), 'true');
    const editViolations = await axeViolations(browser);
    assert.equal(editViolations.length, 0, `correct the details:\n${describeViolations(editViolations)}`);
    await fill(browser, '#edit-date', new Date(Date.now() - 86400000).toISOString().slice(0, 10));
    await (await browser.$('#details-save')).click();
    await shownText(browser, '#details-said', 'Details saved.');
    await browser.waitUntil(async () => (await (await browser.$('#child-title')).getText()) === 'Baby Testfield-Ray', {
      timeout: 5000,
      timeoutMsg: 'the corrected name is not shown',
    });
  });

  it('cancels the conference the birth left booked, with a reason, after asking', async () => {
    const { browser } = app;
    await (await shown(browser, '#nav-meetings')).click();
    await shown(browser, '#meetings-table');
    const rowText = () =>
      browser.execute(() =>
        [...document.querySelectorAll('#meetings-table tbody tr')]
          .filter((r) => /Initial child protection conference/.test(r.textContent) && /Baby Testfield/.test(r.textContent))
          .map((r) => r.textContent)
          .join('|'),
      );
    const opened = await browser.execute(() => {
      for (const row of document.querySelectorAll('#meetings-table tbody tr')) {
        if (/Initial child protection conference/.test(row.textContent) && /Baby Testfield/.test(row.textContent)) {
          row.querySelector('[data-testid="edit-meeting"]')?.click();
          return true;
        }
      }
      return false;
    });
    assert.ok(opened, 'no initial conference for Baby Testfield in the meetings list');
    await shown(browser, '#meeting-editor-title');
    // No reason: refused in a sentence, on its field.
    await (await shown(browser, '#editor-cancel-start')).click();
    await shownText(browser, '#editor-cancel-error', /^Say why the meeting is cancelled/);
    assert.equal(await browser.execute(() => document.activeElement?.id), 'editor-cancel-reason');
    await (await browser.$('#editor-cancel-reason')).setValue('The family has moved to another authority, which holds the conference.');
    // Then asked once more, the keyboard on the answer.
    await (await shown(browser, '#editor-cancel-start')).click();
    await shownText(browser, '#editor-cancel-ask', /^Cancel this meeting \(Initial child protection conference: Baby Testfield.*\)\? It cannot be undone: book a new meeting if it is to happen after all\./);
    assert.equal(await browser.execute(() => document.activeElement?.id), 'editor-cancel-confirm');
    const violations = await axeViolations(browser);
    assert.equal(violations.length, 0, `cancel a meeting:\n${describeViolations(violations)}`);
    await screenshot(browser, '04d-meetings-cancel');
    assert.doesNotMatch(await rowText(), /Cancelled/, 'cancelled before the answer');
    await (await shown(browser, '#editor-cancel-confirm')).click();
    // The panel closes and the row says so.
    await browser.waitUntil(async () => /Cancelled/.test(await rowText()), { timeout: 10000, timeoutMsg: `the row does not say Cancelled: ${await rowText()}` });
    assert.equal(await (await browser.$('#meeting-editor')).isExisting(), false);
    // The baby's record no longer asks for it to be cancelled.
    const baby = await browser.$('//table[@id="meetings-table"]//tr[contains(., "Baby Testfield")]//button[contains(., "Baby Testfield")]');
    await baby.click();
    await shownText(browser, '#child-title', /^Baby Testfield/);
    await shown(browser, '#child-open-items, #schedule');
    assert.equal(await (await browser.$('#after-birth')).isExisting(), false, 'the to-do stays after the conference is cancelled');
  });

  it("adds a parent to the directory and to a child's network, then takes them off", async () => {
    const { browser } = app;
    await (await shown(browser, '#nav-people')).click();
    await (await shown(browser, '#add-person-open')).click();
    await shown(browser, '#add-person-form');
    assert.equal(await browser.execute(() => document.activeElement?.id), 'add-person-name');
    await fill(browser, '#add-person-name', 'Jo Netfield');
    await fill(browser, '#add-person-role', 'Mother');
    const family = await browser.execute(() => {
      const o = [...document.querySelectorAll('#add-person-agency option')].find((x) => /family/i.test(x.textContent));
      return o?.value;
    });
    assert.ok(family, 'a family agency is offered');
    await (await browser.$('#add-person-agency')).selectByAttribute('value', family);
    assert.equal((await browser.$$('#add-person-team')).length, 0, 'family have no team');
    const violations = await axeViolations(browser);
    assert.equal(violations.length, 0, `add a person:\n${describeViolations(violations)}`);
    await (await browser.$('#add-person-submit')).click();
    await shownText(browser, '#person-added', 'Added: Jo Netfield.');
    assert.equal(await browser.execute(() => document.activeElement?.id), 'person-added');
    await shown(browser, '#person-panel');
    assert.match(await (await browser.$('#person-panel h3')).getText(), /^Jo Netfield$/);

    // Into the first child's network as a parent.
    await (await shown(browser, '#nav-children')).click();
    await (await shown(browser, '#children-table tbody th button')).click();
    await shown(browser, '#network-form');
    // The people are read when the list is first reached.
    await browser.execute(() => document.querySelector('#network-person').focus());
    await browser.waitUntil(() => browser.execute(() => document.querySelectorAll('#network-person option').length > 1), {
      timeout: 5000,
      timeoutMsg: 'no people offered once the list was reached',
    });
    const jo = await browser.execute(() => [...document.querySelectorAll('#network-person option')].find((o) => o.textContent.startsWith('Jo Netfield'))?.value);
    assert.ok(jo, 'the new person is offered');
    await (await browser.$('#network-person')).selectByAttribute('value', jo);
    await (await browser.$('#network-role')).selectByAttribute('value', 'parent');
    await (await browser.$('#network-add')).click();
    await shownText(browser, '#network-said', 'Added: Jo Netfield, Parent.');
    assert.match(await (await browser.$('#network')).getText(), /Jo Netfield — Parent \(Mother\)/);
    const onRecord = await axeViolations(browser);
    assert.equal(onRecord.length, 0, `network:\n${describeViolations(onRecord)}`);
    // Twice is refused in a sentence (the person is still chosen).
    assert.equal(await browser.execute(() => document.querySelector('#network-person').value), jo);
    await (await browser.$('#network-add')).click();
    await shownText(browser, '#network-error', 'Jo Netfield is already in this child\'s network as parent.');
    // Taking off asks first; "Keep them" keeps them, and returns to their Remove.
    await (await shown(browser, `[data-unlink="${jo}:parent"]`)).click();
    assert.equal(await browser.execute(() => document.activeElement?.id), 'confirm-unlink');
    const onConfirm = await axeViolations(browser);
    assert.equal(onConfirm.length, 0, `network confirm:\n${describeViolations(onConfirm)}`);
    await (await shown(browser, '#confirm-unlink + button')).click();
    assert.match(await (await browser.$('#network')).getText(), /Jo Netfield/);
    await (await shown(browser, `[data-unlink="${jo}:parent"]`)).click();
    await (await shown(browser, '#confirm-unlink')).click();
    await shownText(browser, '#network-said', 'Taken off: Jo Netfield, Parent.');
    assert.doesNotMatch(await (await browser.$('#network')).getText(), /Jo Netfield/);
  });

  it("corrects a social worker's details, and keeps one who holds cases in a team", async () => {
    const { browser } = app;
    const worker = await firstChildsSocialWorker(browser);
    assert.notEqual(worker, 'Not allocated');
    await (await shown(browser, '#nav-people')).click();
    await shown(browser, '#people-table');
    await browser.execute((w) => [...document.querySelectorAll('#people-table tbody th button')].find((b) => b.textContent.trim() === w).click(), worker);
    await (await shown(browser, '#person-edit-open')).click();
    await shown(browser, '#edit-person-form');
    assert.equal(await browser.execute(() => document.activeElement?.id), 'edit-person-name');
    assert.equal(await browser.execute(() => document.querySelector('#edit-person-name').value), worker);
    // Family agencies are not offered to a professional.
    const offered = await browser.execute(() => [...document.querySelectorAll('#edit-person-agency option')].map((o) => o.textContent));
    assert.ok(offered.length > 2 && !offered.some((o) => /family/i.test(o)), offered.join(', '));
    const violations = await axeViolations(browser);
    assert.equal(violations.length, 0, `correct a person:\n${describeViolations(violations)}`);
    await screenshot(browser, '08b-people-correct');
    // Out of their team while they hold cases: refused in a sentence, focus on it.
    const team = await browser.execute(() => document.querySelector('#edit-person-team').value);
    assert.notEqual(team, '', 'a social worker holding cases is in a team');
    await (await browser.$('#edit-person-team')).selectByAttribute('value', '');
    await (await browser.$('#edit-person-submit')).click();
    const refused = await shown(browser, '#edit-person-error');
    assert.match(await refused.getText(), new RegExp(`^${worker} has \\d+ (child|children) allocated, and would no longer hold cases: allocate them to another social worker first\\.$`));
    assert.equal(await browser.execute(() => document.activeElement?.id), 'edit-person-error');
    // The name corrected, their team kept: saved, said, and in the list.
    await (await browser.$('#edit-person-team')).selectByAttribute('value', team);
    await fill(browser, '#edit-person-name', `${worker} Corrected`);
    await fill(browser, '#edit-person-email', 'worker@example.org');
    await (await browser.$('#edit-person-submit')).click();
    await shownText(browser, '#person-saved', `Saved: ${worker} Corrected's details.`);
    assert.equal(await browser.execute(() => document.activeElement?.id), 'person-saved');
    assert.equal(await (await browser.$('#person-panel h3')).getText(), `${worker} Corrected`);
    assert.match(await (await browser.$('#person-panel')).getText(), /worker@example\.org/);
    assert.equal((await browser.$$('#edit-person-form')).length, 0, 'the form is closed');
    assert.ok(
      await browser.execute((n) => [...document.querySelectorAll('#people-table tbody th button')].some((b) => b.textContent.trim() === n), `${worker} Corrected`),
      'the list shows the corrected name',
    );
  });
  it('records that a professional is leaving: refused while they hold cases, then not offered for a new network', async () => {
    const { browser } = app;
    // Choose someone in the people list; false while they are not in it.
    const person = (name) =>
      browser.execute((n) => {
        const button = [...document.querySelectorAll('#people-table tbody th button')].find((b) => b.textContent.trim() === n);
        button?.click();
        return Boolean(button);
      }, name);
    // A social worker holding cases: refused in a sentence, focus on it.
    const worker = await firstChildsSocialWorker(browser);
    await (await shown(browser, '#nav-people')).click();
    await shown(browser, '#people-table');
    await browser.waitUntil(() => person(worker), { timeout: 5000, timeoutMsg: `${worker} is not listed` });
    await shown(browser, '#leaving-form');
    // The last working day is chosen, never assumed: the field starts empty, and looks it
    // (WebKit's pale stand-in date hidden), and saving without one is refused on the field.
    assert.equal(await (await browser.$('#leaving-date')).getValue(), '');
    assert.equal(await (await browser.$('#leaving-date')).getAttribute('data-empty'), 'true');
    await (await browser.$('#leaving-save')).click();
    await shownText(browser, '#leaving-error', new RegExp(`^Choose ${worker}'s last working day: `));
    assert.equal(await browser.execute(() => document.activeElement?.id), 'leaving-date');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    await fill(browser, '#leaving-date', today);
    assert.equal(await (await browser.$('#leaving-date')).getAttribute('data-empty'), null);
    await (await browser.$('#leaving-save')).click();
    await shownText(browser, '#leaving-error', / allocated: /);
    const refused = await shown(browser, '#leaving-error');
    assert.match(await refused.getText(), new RegExp(`^${worker} has \\d+ (child|children) allocated: allocate them to another social worker before recording that they are leaving\\.$`));
    assert.equal(await browser.execute(() => document.activeElement?.id), 'leaving-error');

    // A police officer with nothing resting on them, added for the test.
    await (await shown(browser, '#add-person-open')).click();
    await fill(browser, '#add-person-name', 'PC Jo Lane');
    await fill(browser, '#add-person-role', 'Police officer');
    const police = await browser.execute(() => [...document.querySelectorAll('#add-person-agency option')].find((x) => /police/i.test(x.textContent))?.value);
    assert.ok(police, 'a police agency is offered');
    await (await browser.$('#add-person-agency')).selectByAttribute('value', police);
    await (await browser.$('#add-person-submit')).click();
    await shown(browser, '#person-added');
    assert.equal(await (await browser.$('#leaving-date')).getValue(), '');
    // They left yesterday (recorded after the event): no longer working today.
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86400000).toISOString().slice(0, 10);
    await fill(browser, '#leaving-date', yesterday);
    await (await browser.$('#leaving-save')).click();
    const said = await shown(browser, '#person-saved');
    assert.match(await said.getText(), /^Recorded: PC Jo Lane's last working day, \w+day \d{1,2} \w+ \d{4}\. After it, they cannot be invited to meetings, allocated children or made a team's manager\.$/);
    assert.equal(await browser.execute(() => document.activeElement?.id), 'person-saved');
    await shownText(browser, '#leaving-said', /^Left: last working day /);
    const row = await browser.execute(() => [...document.querySelectorAll('#people-table tbody tr')].find((r) => r.querySelector('th').textContent.trim() === 'PC Jo Lane')?.textContent ?? '');
    assert.match(row, /Left: last working day/);
    const violations = await axeViolations(browser);
    assert.equal(violations.length, 0, `someone leaving:\n${describeViolations(violations)}`);
    await screenshot(browser, '08c-people-leaving');

    // Not offered for a child's network.
    await (await shown(browser, '#nav-children')).click();
    await (await shown(browser, '#children-table tbody th button')).click();
    await shown(browser, '#network-form');
    await browser.execute(() => document.querySelector('#network-person').focus());
    await browser.waitUntil(() => browser.execute(() => document.querySelectorAll('#network-person option').length > 1), { timeout: 5000, timeoutMsg: 'no people offered' });
    const names = await browser.execute(() => [...document.querySelectorAll('#network-person option')].map((o) => o.textContent));
    assert.ok(!names.some((n) => n.startsWith('PC Jo Lane')), 'someone who has left is not offered');

    // Working here again: offered once more.
    await (await shown(browser, '#nav-people')).click();
    await shown(browser, '#people-table');
    await browser.waitUntil(() => person('PC Jo Lane'), { timeout: 5000, timeoutMsg: 'PC Jo Lane is not listed' });
    await (await shown(browser, '#person-stay')).click();
    await browser.waitUntil(async () => (await (await browser.$('#person-saved')).getText()) === 'Recorded: PC Jo Lane has no leaving date now.', { timeout: 5000, timeoutMsg: 'not said' });
    await shown(browser, '#leaving-form');
  });
});
