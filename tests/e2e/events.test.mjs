// Recording what has happened, on the real window: "Record it" on the dashboard opens the child's
// record at its form, set to what the deadline waits for (reports shared, a letter or minutes
// sent, a visit); recording it takes the item off "what needs doing"; the timeline offers to
// remove the event, asking once more, and the item is back.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { axeViolations, describeViolations, launch, newDataDir, repo, screenshot, setToMax, shown } from './harness.mjs';

const cli = process.env.CONVENE_CLI ?? path.join(repo, 'target', 'debug', 'convene');

describe('recording what has happened', () => {
  const dataDir = newDataDir();
  const env = { ...process.env, CONVENE_DATA_DIR: dataDir };
  const convene = (...args) => execFileSync(cli, args, { env, encoding: 'utf8' });
  let app;
  let item;
  let childName;

  before(async () => {
    convene('demo');
    const open = JSON.parse(convene('timescales', '--open', '--json')).filter(
      (i) => i.record_kind && (i.status === 'overdue' || i.status === 'due-soon'),
    );
    // One that does not repeat if there is one (a visit starts the next visit's deadline).
    item = open.find((i) => !/visit/.test(i.rule)) ?? open[0];
    assert.ok(item, 'the demo has an item on the dashboard that an event meets');
    childName = item.child_name;
    app = await launch(dataDir);
    await app.browser.setWindowSize(1280, 800);
  });
  after(async () => {
    await app?.stop();
  });

  const label = () => `Record it: ${item.rule_title} for ${childName}`;
  async function onDashboard(browser) {
    await (await shown(browser, '#nav-dashboard')).click();
    await shown(browser, '[data-testid="items-overdue"], [data-testid="none-overdue"]');
    return browser.execute((l) => [...document.querySelectorAll('[data-testid="record-now"]')].filter((b) => b.getAttribute('aria-label') === l).length, label());
  }

  async function openChild(browser) {
    await (await shown(browser, '#nav-children')).click();
    await shown(browser, '#children-table');
    await browser.execute((n) => [...document.querySelectorAll('#children-table tbody th button')].find((b) => b.textContent.trim() === n).click(), childName);
    await shown(browser, '#child-timeline');
  }

  it('records it from "Record it", takes the item off the dashboard, and removes it again', async () => {
    const { browser } = app;
    const before = await onDashboard(browser);
    assert.ok(before >= 1, `no "${label()}" on the dashboard`);
    await browser.execute((l) => [...document.querySelectorAll('[data-testid="record-now"]')].find((b) => b.getAttribute('aria-label') === l).click(), label());

    // The form, set to what the item waits for, with the keyboard on its date.
    await shown(browser, '#record-event');
    await browser.waitUntil(() => browser.execute(() => document.activeElement?.id === 'event-date'), {
      timeout: 5000,
      timeoutMsg: 'the keyboard is not on the date of the form "Record it" opened',
    });
    const chosen = await browser.execute(() => {
      const s = document.querySelector('#event-kind');
      return { value: s.value, text: s.selectedOptions[0].textContent.trim() };
    });
    assert.equal(chosen.value, item.record_kind);
    // Beside the form: which deadline it is for.
    const purpose = await (await shown(browser, '#record-for')).getText();
    assert.ok(purpose.includes(`“${item.rule_title}”`), purpose);
    const events = () => browser.execute(() => [...document.querySelectorAll('[data-remove]')].map((b) => b.dataset.remove));
    const before_ = new Set(await events());
    const violations = await axeViolations(browser);
    assert.equal(violations.length, 0, `record form:\n${describeViolations(violations)}`);
    await screenshot(browser, '05c-record-event');
    // Side by side, the fields are one height, so their labels sit in one line.
    const rows = await browser.execute(() =>
      ['#event-kind', '#event-date', '#event-note'].map((s) => {
        const field = document.querySelector(s);
        return [field.getBoundingClientRect().height, field.closest('label').getBoundingClientRect().top];
      }),
    );
    assert.equal(new Set(rows.map(([h]) => Math.round(h))).size, 1, `fields of different heights: ${JSON.stringify(rows)}`);
    assert.equal(new Set(rows.map(([, top]) => Math.round(top))).size, 1, `labels out of line: ${JSON.stringify(rows)}`);

    await setToMax(browser, 'event-date');
    await (await shown(browser, '#record-event-submit')).click();
    const said = await shown(browser, '#record-said');
    assert.match(await said.getText(), new RegExp(`^Recorded: ${chosen.text.toLowerCase()} on \\w{3} \\d{1,2} \\w{3} \\d{4}\\.$`));
    assert.equal(await browser.execute(() => document.activeElement?.id), 'record-said', 'the keyboard goes to what was recorded');
    const added = (await events()).filter((id) => !before_.has(id));
    assert.equal(added.length, 1, 'one event more on the timeline');
    // A future date is refused in a sentence, and nothing is recorded.
    await browser.execute(() => {
      const input = document.querySelector('#event-date');
      input.removeAttribute('max');
      input.value = '2099-01-01';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await (await shown(browser, '#record-event-submit')).click();
    const refused = await shown(browser, '#record-error');
    assert.match(await refused.getText(), /is after today: record something once it has happened\.$/);
    assert.equal(await (await browser.$('#event-date')).getAttribute('aria-invalid'), 'true');
    assert.equal(await browser.execute(() => document.activeElement?.id), 'event-date', 'the keyboard goes to the date refused');

    assert.equal(await onDashboard(browser), before - 1, 'the item is off "what needs doing"');
    await openChild(browser);

    // Remove it from the timeline: asked once more ("Keep it" goes back), then said, and the
    // item is back.
    const remove = `[data-remove="${added[0]}"]`;
    await (await shown(browser, remove)).click();
    await shown(browser, '#confirm-remove');
    await browser.execute(() => [...document.querySelectorAll('.confirm button')].find((b) => b.textContent.trim() === 'Keep it').click());
    await browser.waitUntil(() => browser.execute((s) => document.activeElement === document.querySelector(s), remove), {
      timeout: 5000,
      timeoutMsg: '"Keep it" did not put the keyboard back on "Remove"',
    });
    await (await browser.$(remove)).click();
    await shown(browser, '#confirm-remove');
    assert.equal(await browser.execute(() => document.activeElement?.id), 'confirm-remove');
    await (await browser.$('#confirm-remove')).click();
    const removed = await shown(browser, '#removed-said');
    assert.match(await removed.getText(), /^Removed: the /);
    assert.equal(await browser.execute(() => document.activeElement?.id), 'removed-said');
    assert.equal(await onDashboard(browser), before, 'the item is back on "what needs doing"');
  });
});
