// Settings on the real window: who am I, a local change to a rule (shown, then reset), a closure
// day added and removed, and a GOV.UK bank-holidays file imported; each checked with axe.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setInput, axeViolations, describeViolations, launch, newDataDir, repo, screenshot, shown, shownText, tallScreenshot } from './harness.mjs';

const cli = process.env.CONVENE_CLI ?? path.join(repo, 'target', 'debug', 'convene');
const govuk = path.join(repo, 'src-tauri', 'crates', 'core', 'data', 'bank-holidays.json');

async function assertAccessible(browser, screen) {
  const violations = await axeViolations(browser);
  assert.equal(violations.length, 0, `${screen}: serious or critical accessibility problems:\n${describeViolations(violations)}`);
}

describe('settings', () => {
  const dataDir = newDataDir();
  const env = { ...process.env, CONVENE_DATA_DIR: dataDir };
  const saveDir = newDataDir();
  let app;

  before(async () => {
    execFileSync(cli, ['demo'], { env, encoding: 'utf8' });
    app = await launch(dataDir, { CONVENE_OPEN_FILE: govuk, CONVENE_SAVE_DIR: saveDir });
    await app.browser.setWindowSize(1280, 800);
    await (await shown(app.browser, '#nav-settings', 30000)).click();
    await shown(app.browser, '#settings-rules');
  });
  after(async () => {
    await app?.stop();
  });

  const saidText = (browser) => browser.execute(() => document.getElementById('settings-saved')?.textContent ?? '');

  it('says who I am', async () => {
    const { browser } = app;
    const select = await shown(browser, '#me-select');
    const options = await select.$$('option');
    const value = await options[1].getAttribute('value');
    const label = await options[1].getText();
    await select.selectByAttribute('value', value);
    await (await shown(browser, '#save-me')).click();
    await browser.waitUntil(async () => (await saidText(browser)).startsWith(`Saved: you are ${label.split(' (')[0]}`), {
      timeout: 5000,
      timeoutMsg: 'no "Saved: you are …"',
    });
    await assertAccessible(browser, 'settings');
    await screenshot(browser, '11a-settings-rules');
  });

  it('changes a rule locally and resets it', async () => {
    const { browser } = app;
    const row = '#rules-table tr[data-rule="icpc-to-core-group"]';
    await shownText(browser, row, /10 working days after/);
    await (await shown(browser, `${row} [data-testid="edit-rule"]`)).click();
    await shown(browser, '#rule-form');
    // Typed in another form and not saved: saving the rule keeps it.
    await setInput(browser, 'due-soon', '7');
    await (await shown(browser, '#rule-amount')).setValue('8');
    await (await shown(browser, '#save-rule')).click();
    await browser.waitUntil(async () => /8 working days after.*changed here|changed here.*8 working days after/s.test(await (await shown(browser, row)).getText()), {
      timeout: 5000,
      timeoutMsg: 'the rule was not shown as changed',
    });
    assert.equal(await (await shown(browser, '#due-soon')).getValue(), '7', 'an unsaved "due soon" was reset by saving a rule');
    // The keyboard is back on the rule's "Change".
    const focusedRule = () => browser.execute(() => (document.activeElement?.dataset.testid ?? '') + ' ' + (document.activeElement?.closest('tr')?.dataset.rule ?? ''));
    assert.equal(await focusedRule(), 'edit-rule icpc-to-core-group');
    // Out of range: refused with a sentence, nothing saved.
    await (await shown(browser, `${row} [data-testid="edit-rule"]`)).click();
    await setInput(browser, 'rule-amount', '400', { drop: 'max' });
    await (await shown(browser, '#save-rule')).click();
    await shownText(browser, '#settings-error', /between 1 and 260 working days, not 400/);
    // Said in the rule's form, and tied to the field it is about.
    assert.ok(await (await browser.$('#rule-form #settings-error')).isExisting(), 'the refusal is not in the rule form');
    const amountField = await browser.$('#rule-amount');
    assert.deepEqual([await amountField.getAttribute('aria-invalid'), await amountField.getAttribute('aria-describedby')], ['true', 'settings-error']);
    await (await shown(browser, '#cancel-rule')).click();
    assert.equal(await focusedRule(), 'edit-rule icpc-to-core-group');
    await (await shown(browser, `${row} [data-testid="reset-rule"]`)).click();
    await browser.waitUntil(async () => !/changed here/.test(await (await shown(browser, row)).getText()), {
      timeout: 5000,
      timeoutMsg: 'the rule was not reset',
    });
    assert.equal(await focusedRule(), 'edit-rule icpc-to-core-group');
    await shownText(browser, row, /10 working days after/);
  });

  it('adds and removes a closure day', async () => {
    const { browser } = app;
    await setInput(browser, 'closure-date', '2026-12-29');
    await (await shown(browser, '#add-closure')).click();
    await browser.waitUntil(async () => /Tue 29 Dec 2026/.test(await (await shown(browser, '#closure-list')).getText()), {
      timeout: 5000,
      timeoutMsg: 'the closure day was not listed',
    });
    await (await shown(browser, '#closure-list button')).click();
    await shown(browser, '#no-closures');
    // The last one gone, the keyboard goes to the date to add one.
    assert.equal(await browser.execute(() => document.activeElement?.id), 'closure-date');
  });

  it('imports a GOV.UK bank-holidays file', async () => {
    const { browser } = app;
    await (await shown(browser, '#import-holidays')).click();
    await browser.waitUntil(async () => /^Imported bank holidays \(England and Wales: \d+ holidays, 2018–2027/.test(await saidText(browser)), {
      timeout: 5000,
      timeoutMsg: 'no "Imported bank holidays" message',
    });
    const row = await browser.execute(() =>
      [...document.querySelectorAll('#holidays-table tr[data-division="England and Wales"] > *')].map((c) => c.textContent).join(' | '),
    );
    assert.match(row, /^England and Wales \| Imported GOV\.UK file \| 2018–2027 \| \d+$/);
    await assertAccessible(browser, 'settings after import');
    await tallScreenshot(browser, '11b-settings-full-page', 2400);
  });

  it('adds a venue and changes it, refusing a venue with no seats', async () => {
    const { browser } = app;
    const before = (await browser.$$('#venues-table tbody tr')).length;
    await (await shown(browser, '#venue-name')).setValue('Family Centre, Blue Room');
    await (await shown(browser, '#venue-address')).setValue('2 Park Road');
    await setInput(browser, 'venue-capacity', '0', { drop: 'min' });
    await (await shown(browser, '#save-venue')).click();
    await shownText(browser, '#venue-error', /A venue's capacity must be between 1 and 1000, not 0\./);
    await setInput(browser, 'venue-capacity', '8');
    await (await shown(browser, '#save-venue')).click();
    await browser.waitUntil(async () => (await browser.$$('#venues-table tbody tr')).length === before + 1, { timeout: 5000, timeoutMsg: 'the venue was not added' });
    await (await shown(browser, 'button[aria-label="Change Family Centre, Blue Room"]')).click();
    await (await shown(browser, '#venue-capacity')).setValue('10');
    await (await shown(browser, '#save-venue')).click();
    await browser.waitUntil(async () => /Saved Family Centre, Blue Room\./.test(await (await browser.$('#venue-said')).getText()), { timeout: 5000, timeoutMsg: 'not saved' });
    const row = await browser.execute(() => [...document.querySelectorAll('#venues-table tbody tr')].map((r) => r.textContent).find((t) => t.includes('Blue Room')));
    assert.match(row, /2 Park Road\s*10/);
    assert.equal((await browser.$$('#venues-table tbody tr')).length, before + 1);
    await assertAccessible(browser, 'venues');
  });

  it('adds a team to an agency, refusing a name it has and a kind change while people are in it', async () => {
    const { browser } = app;
    await shown(browser, '#agencies-table');
    const csc = await browser.execute(() => [...document.querySelectorAll('#team-agency option')].find((o) => /Children's Services/.test(o.textContent))?.value);
    assert.ok(csc, "children's services is offered for a team");
    const teamsOf = () => browser.execute(() => [...document.querySelectorAll('#agencies-table tbody tr')].find((r) => /Children's Services/.test(r.querySelector('th').textContent)).querySelectorAll('td li').length);
    const before = await teamsOf();
    // A team name the agency already has: refused in a sentence, focus on it.
    const existing = await browser.execute(() => [...document.querySelectorAll('#agencies-table tbody tr')].find((r) => /Children's Services/.test(r.querySelector('th').textContent)).querySelector('td li').firstChild.textContent.trim().replace(/ \(.*$/, ''));
    await setInput(browser, 'team-name', existing.toUpperCase());
    await (await browser.$('#team-agency')).selectByAttribute('value', csc);
    await (await shown(browser, '#save-team')).click();
    await shownText(browser, '#team-error', /^There is already a team called .+ in .+\.$/);
    assert.equal(await browser.execute(() => document.activeElement?.id), 'team-error');
    // A new team, managed by someone of the agency.
    await setInput(browser, 'team-name', 'Edge of Care');
    const manager = await browser.execute(() => document.querySelector('#team-manager option:nth-child(2)')?.value);
    assert.ok(manager, 'people of the agency are offered as its manager');
    await (await browser.$('#team-manager')).selectByAttribute('value', manager);
    await (await shown(browser, '#save-team')).click();
    await browser.waitUntil(async () => (await (await browser.$('#agency-said')).getText()) === 'Added Edge of Care.', { timeout: 5000, timeoutMsg: 'the team was not added' });
    assert.equal(await teamsOf(), before + 1);
    assert.match(await (await browser.$('#agencies-table')).getText(), /Edge of Care \(0 people; manager .+\)/);
    // The agency's kind cannot change while people are in it.
    const name = await browser.execute(() => [...document.querySelectorAll('#agencies-table tbody th')].find((t) => /Children's Services/.test(t.textContent)).firstChild.textContent.trim());
    await (await shown(browser, `button[aria-label="Change ${name}"]`)).click();
    assert.equal(await browser.execute(() => document.activeElement?.id), 'agency-name');
    // Said before a save, with the kind not offered (the core refuses it too: tested there).
    assert.equal(await (await browser.$('#agency-kind')).isEnabled(), false);
    await shownText(browser, '#agency-kind-fixed', `${name} has people in it, so its kind cannot change: add a new agency instead.`);
    // The name can still be corrected.
    await (await shown(browser, '#save-agency')).click();
    await browser.waitUntil(async () => (await (await browser.$('#agency-said')).getText()) === `Saved ${name}.`, { timeout: 5000, timeoutMsg: 'the agency was not saved' });
    await (await shown(browser, `button[aria-label="Change ${name}"]`)).click();
    await assertAccessible(browser, 'agencies and teams');
    await screenshot(browser, '11c-settings-agencies');
  });

  it('changes a working pattern, refusing hours that end before they start', async () => {
    const { browser } = app;
    const select = await shown(browser, '#pattern-person');
    const value = await (await select.$$('option'))[1].getAttribute('value');
    await select.selectByAttribute('value', value);
    await shown(browser, '#pattern-form');
    // Monday to Thursday, Thursday mornings only.
    await browser.execute(() => {
      for (let d = 1; d <= 7; d++) {
        const box = document.getElementById(`pattern-works-${d}`);
        if (box.checked !== d <= 4) box.click();
      }
    });
    for (let d = 1; d <= 4; d++) {
      await setInput(browser, `pattern-start-${d}`, '09:00');
      await setInput(browser, `pattern-end-${d}`, d === 4 ? '13:00' : '17:00');
    }
    await (await shown(browser, '#save-pattern')).click();
    await browser.waitUntil(async () => /^Saved: .+ works Mon–Wed 09:00–17:00; Thu 09:00–13:00\.$/.test(await (await browser.$('#pattern-said')).getText()), {
      timeout: 5000,
      timeoutMsg: 'the pattern was not saved',
    });
    await assertAccessible(browser, 'working patterns');
    await screenshot(browser, '11d-settings-working-patterns');
    // Read back from the store: choose someone else, then the same person again.
    const other = await (await select.$$('option'))[2].getAttribute('value');
    await select.selectByAttribute('value', other);
    await select.selectByAttribute('value', value);
    await browser.waitUntil(async () => (await (await browser.$('#pattern-end-4')).getValue()) === '13:00' && !(await (await browser.$('#pattern-works-5')).isSelected()), {
      timeout: 5000,
      timeoutMsg: 'the saved pattern did not come back from the store',
    });
    await setInput(browser, 'pattern-end-1', '08:00');
    await (await shown(browser, '#save-pattern')).click();
    await shownText(browser, '#pattern-error', 'The working pattern for Monday ends before it starts.');
  });

  it("backs up now, and restores the day's automatic backup after asking", async () => {
    const { browser } = app;
    await (await shown(browser, '#backup-now')).click();
    await browser.waitUntil(async () => /^Backup written: convene-backup-\d{4}-\d{2}-\d{2}\.json \(\d+ children, \d+ meetings\)\.$/.test(await browser.execute(() => document.getElementById('data-said')?.textContent ?? '')), {
      timeout: 10000,
      timeoutMsg: 'no "Backup written"',
    });
    const written = readdirSync(saveDir).filter((f) => f.startsWith('convene-backup-'));
    assert.equal(written.length, 1, `${written}`);
    // A closure day added after the morning's backup is gone once it is restored.
    await setInput(browser, 'closure-date', '2026-12-30');
    await (await shown(browser, '#add-closure')).click();
    await shown(browser, '#closure-list');
    const openDaily = () =>
      browser.execute(() => {
        for (const row of document.querySelectorAll('#backups-table tbody tr')) {
          if (/Daily/.test(row.textContent)) {
            row.querySelector('[data-testid="restore-backup"]').focus();
            return true;
          }
        }
        return false;
      });
    // Asked in a modal dialog: the keyboard starts on Cancel, Escape cancels, and the keyboard
    // goes back to the row's Restore.
    assert.ok(await openDaily(), 'no daily backup listed');
    await browser.keys('Enter');
    await shown(browser, '#restore-confirm');
    assert.equal(await browser.execute(() => document.activeElement?.id), 'restore-cancel');
    await browser.keys('Escape');
    await browser.waitUntil(async () => !(await (await browser.$('#restore-confirm')).isDisplayed()), { timeout: 5000, timeoutMsg: 'Escape did not close the question' });
    assert.equal(await browser.execute(() => document.activeElement?.dataset.testid), 'restore-backup');
    await browser.keys('Enter');
    await shown(browser, '#restore-confirm');
    await assertAccessible(browser, 'restore confirmation');
    await (await shown(browser, '#restore-yes')).click();
    // The app reloads on the restored data.
    await shown(browser, '#dashboard', 30000);
    await (await shown(browser, '#nav-settings')).click();
    await shown(browser, '#no-closures');
    assert.equal(await (await shown(browser, '#me-select')).getValue(), '', 'the restored data predates "who am I"');
    await shownText(browser, '#backups-table', /Before a restore/);
    assert.ok(readdirSync(dataDir).some((f) => f.startsWith('db.replaced-')), 'the replaced data was not kept aside');
    assert.ok(existsSync(path.join(dataDir, 'db')));
  });
});

describe('a new authority, from nothing', () => {
  const dataDir = newDataDir();
  let app;

  before(async () => {
    app = await launch(dataDir);
    await app.browser.setWindowSize(1280, 800);
  });
  after(async () => {
    await app?.stop();
  });

  it('starts its own records, adds a team and a social worker in it', async () => {
    const { browser } = app;
    await shown(browser, '#empty-state', 30000);
    await assertAccessible(browser, 'empty state with its start form');
    await setInput(browser, 'start-empty-name', 'Southmoor Children’s Services');
    await (await browser.$('#start-empty')).click();
    // The store is no longer empty: the app's screens, with nothing to do yet.
    await (await shown(browser, '#nav-settings', 15000)).click();
    const table = await shown(browser, '#agencies-table');
    await browser.waitUntil(async () => /Southmoor Children’s Services/.test(await table.getText()), { timeout: 5000, timeoutMsg: 'the agency is not listed' });
    assert.match(await table.getText(), /A child's family and friends/);
    await setInput(browser, 'team-name', 'Assessment');
    const own = await browser.execute(() => document.querySelector('#team-agency option:nth-child(2)').value);
    await (await browser.$('#team-agency')).selectByAttribute('value', own);
    await (await shown(browser, '#save-team')).click();
    await browser.waitUntil(async () => (await (await browser.$('#agency-said')).getText()) === 'Added Assessment.', { timeout: 5000, timeoutMsg: 'the team was not added' });
    // A social worker in the new team: they hold cases.
    await (await shown(browser, '#nav-people')).click();
    await (await shown(browser, '#add-person-open')).click();
    await setInput(browser, 'add-person-name', 'Rae Holt');
    await setInput(browser, 'add-person-role', 'Social worker');
    await (await browser.$('#add-person-agency')).selectByAttribute('value', own);
    const team = await shown(browser, '#add-person-team');
    const assessment = await browser.execute(() => [...document.querySelectorAll('#add-person-team option')].find((o) => o.textContent === 'Assessment')?.value);
    await team.selectByAttribute('value', assessment);
    await (await browser.$('#add-person-submit')).click();
    await shownText(browser, '#person-added', 'Added: Rae Holt.');
    assert.match(await (await browser.$('#person-panel')).getText(), /Social worker, Southmoor Children’s Services, Assessment\./);
  });
});
