// An encrypted store opens only with its passphrase: the app asks for it, says so plainly when
// it is wrong, and opens the dashboard when it is right.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { axeViolations, describeViolations, launch, newDataDir, repo, screenshot, shown } from './harness.mjs';

const cli = process.env.CONVENE_CLI ?? path.join(repo, 'target', 'debug', 'convene');

describe('an encrypted store', () => {
  const dataDir = newDataDir();
  let app;

  before(async () => {
    const env = { ...process.env, CONVENE_DATA_DIR: dataDir };
    execFileSync(cli, ['demo'], { env });
    execFileSync(cli, ['encryption', 'on'], { env: { ...env, CONVENE_NEW_PASSPHRASE: 'correct horse battery' } });
    app = await launch(dataDir);
    await app.browser.setWindowSize(1280, 800);
  });
  after(async () => {
    await app?.stop();
  });

  it('asks for the passphrase, refuses a wrong one, and opens with the right one', async () => {
    const { browser } = app;
    const message = await (await shown(browser, '#store-error')).getText();
    assert.match(message, /encrypted: enter its passphrase/);
    // Being asked is routine: a plain panel, not an alert; a refusal is one.
    assert.equal(await (await browser.$('#store-error-text')).getAttribute('role'), null);
    assert.doesNotMatch(await (await browser.$('#store-error')).getAttribute('class'), /\balert\b/);
    const violations = await axeViolations(browser);
    assert.equal(violations.length, 0, describeViolations(violations));
    await screenshot(browser, '09-unlock');

    // WebKitWebDriver's key actions drop repeated letters ("correct" arrives as "corect"), so
    // the field is filled as a password manager would.
    const type = (value) =>
      browser.execute((v) => {
        const el = document.getElementById('passphrase');
        el.value = v;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }, value);
    await shown(browser, '#passphrase');
    await type('wrong passphrase');
    await (await shown(browser, '#unlock-form button')).click();
    await browser.waitUntil(async () => /does not open this data/.test(await (await browser.$('#store-error')).getText()), {
      timeout: 20000,
      timeoutMsg: 'no message for a wrong passphrase',
    });
    assert.equal(await (await browser.$('#store-error-text')).getAttribute('role'), 'alert');
    // The field says it was refused and which message says why.
    assert.equal(await (await browser.$('#passphrase')).getAttribute('aria-invalid'), 'true');
    assert.equal(await (await browser.$('#passphrase')).getAttribute('aria-describedby'), 'store-error-text unlock-hint');

    // A second wrong passphrase is announced again, though its words are the same: the alert
    // is drawn anew (a screen reader speaks an alert when it is added).
    await browser.execute(() => {
      window.__alertsAdded = 0;
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1 && n.getAttribute('role') === 'alert') window.__alertsAdded += 1;
      }).observe(document.getElementById('store-error'), { childList: true });
    });
    await type('another wrong one');
    await (await shown(browser, '#unlock-form button')).click();
    await browser.waitUntil(async () => (await browser.execute(() => window.__alertsAdded)) > 0, {
      timeout: 20000,
      timeoutMsg: 'a second wrong passphrase was not announced',
    });

    await shown(browser, '#passphrase');
    await type('correct horse battery');
    await (await shown(browser, '#unlock-form button')).click();
    await shown(browser, '#dashboard [data-testid="items-overdue"]', 30000);
    // The form went away: the keyboard is on the data, not dropped to the page.
    assert.equal(await browser.execute(() => document.activeElement?.id), 'main');
  });
});
