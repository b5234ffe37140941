// The window's size is remembered between launches (tauri-plugin-window-state), in the app's
// config folder: here a fresh XDG_CONFIG_HOME, so the test neither reads nor leaves a real one.
// It also shows that SIGTERM ends the app cleanly (exit hooks run).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { launch, newDataDir, quitApp, shown } from './harness.mjs';

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
});
