// The window's size is remembered between launches (tauri-plugin-window-state), in the app's
// config folder: here a fresh XDG_CONFIG_HOME, so the test neither reads nor leaves a real one.
// It also shows that SIGTERM ends the app cleanly (exit hooks run), and that a second launch on
// the same data brings the first window forward instead of opening the store twice.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { app as appBinary, appPids, launch, newDataDir, quitApp, shown } from './harness.mjs';

/** Run the app binary once more on `dataDir`; resolves with its exit code and what it wrote. */
function launchAgain(dataDir, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(appBinary, [], { env: { ...process.env, ...env, CONVENE_DATA_DIR: dataDir }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the second launch was still running after 20 s: ${stderr}`));
    }, 20000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('window state', () => {
  it('reopens at the size it was left at', async () => {
    const dataDir = newDataDir();
    const env = { XDG_CONFIG_HOME: newDataDir() };
    let app = await launch(dataDir, env);
    await shown(app.browser, '#empty-state');
    await app.browser.setWindowSize(1040, 720);
    await new Promise((r) => setTimeout(r, 500));
    // Ending the WebDriver session kills the app outright; a logout (SIGTERM) ends it the way
    // closing its window does, and the size is saved on the way out.
    await quitApp(dataDir);
    await app.stop();
    const file = path.join(env.XDG_CONFIG_HOME, 'uk.org.convene.desktop', '.window-state.json');
    assert.ok(existsSync(file), `no window state saved at ${file}`);
    const saved = JSON.parse(readFileSync(file, 'utf8')).main;
    assert.equal(saved.width, 1040, JSON.stringify(saved));
    assert.equal(saved.height, 720, JSON.stringify(saved));

    app = await launch(dataDir, env);
    try {
      await shown(app.browser, '#empty-state');
      const size = await app.browser.getWindowSize();
      assert.deepEqual([size.width, size.height], [1040, 720]);
    } finally {
      await app.stop();
    }
  });

  it('brings the first window forward when launched again on the same data, and opens nothing else', async () => {
    const dataDir = newDataDir();
    const env = { XDG_CONFIG_HOME: newDataDir() };
    const app = await launch(dataDir, env);
    try {
      await shown(app.browser, '#empty-state');
      const socket = path.join(dataDir, 'instance.sock');
      assert.ok(existsSync(socket), 'the first launch is not listening for later ones');
      const [first] = appPids(dataDir);
      assert.ok(first, 'no app process found');
      const again = await launchAgain(dataDir, env);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stderr, /already open on this data: its window has been brought forward/);
      assert.deepEqual(appPids(dataDir), [first]);
      // The first window is still there and answering.
      await shown(app.browser, '#empty-state');
      assert.equal(await app.browser.execute(() => document.readyState), 'complete');
      // A clean quit takes the socket away.
      await quitApp(dataDir);
      assert.ok(!existsSync(socket), 'the socket outlived the app');
    } finally {
      await app.stop();
    }
  });
});

