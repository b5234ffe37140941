// Launches the real Convene window through tauri-driver (which drives WebKitWebDriver) under the
// caller's Xvfb, each session on a fresh data directory. See ../../../shared/TAURI-NOTES.md for
// the two pitfalls handled here: wait for BOTH ports, and stop tauri-driver with SIGTERM.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '..', '..');
export const artifacts = path.join(here, 'artifacts');
mkdirSync(artifacts, { recursive: true });

export const app = process.env.CONVENE_APP ?? path.join(repo, 'target', 'debug', 'convene-desktop');
const driverBin = process.env.TAURI_DRIVER ?? 'tauri-driver';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitForPort(port, ms = 20000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.end();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`port ${port} did not open within ${ms} ms`);
}

// Every folder a test file makes is removed when its process ends (a demo store with thousands of
// meetings is hundreds of MB; left behind, runs fill the disk). CONVENE_E2E_KEEP=1 keeps them.
const madeDirs = [];
process.on('exit', () => {
  if (process.env.CONVENE_E2E_KEEP) return;
  for (const dir of madeDirs) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
});

export function newDataDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'convene-e2e-'));
  madeDirs.push(dir);
  return dir;
}

/** Start the app on `dataDir`; returns { browser, stop }. */
export async function launch(dataDir, env = {}) {
  const port = await freePort();
  const nativePort = await freePort();
  const driver = spawn(driverBin, ['--port', String(port), '--native-port', String(nativePort)], {
    env: { ...process.env, ...env, CONVENE_DATA_DIR: dataDir },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((resolve) => driver.once('exit', resolve));
  await waitForPort(port);
  await waitForPort(nativePort);
  const started = performance.now();
  const browser = await remote({
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    connectionRetryCount: 1,
    capabilities: {
      'tauri:options': { application: app },
      'wdio:enforceWebDriverClassic': true,
    },
  });
  const sessionMs = performance.now() - started;
  // The window is shown once its first screen is drawn (commands/window.rs): wait for it, so no
  // test acts on a page that is not on screen yet.
  await browser.waitUntil(() => browser.execute(() => document.visibilityState === 'visible'), {
    timeout: 15000,
    timeoutMsg: 'the window was not shown within 15 s',
  });
  async function stop() {
    try {
      await browser.deleteSession();
    } catch {
      // the window may already be gone
    }
    driver.kill('SIGTERM');
    await exited;
    await quitLeftovers(dataDir);
  }
  return { browser, stop, sessionMs };
}

/** Pids of the app processes running on `dataDir` (or, given a pattern, of the processes
 * whose command matches it, such as the app's WebKit processes, which inherit its environment). */
export function appPids(dataDir, command = /convene-desktop/) {
  const pids = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!command.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) continue;
      const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      if (env.includes(`CONVENE_DATA_DIR=${dataDir}`)) pids.push(Number(pid));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** The environment of the app's web process on `dataDir` (name → value). */
export function webProcessEnvironment(dataDir) {
  const [pid] = appPids(dataDir, /WebKitWebProcess/);
  if (!pid) throw new Error('no web process for the app');
  return Object.fromEntries(
    readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
}

/** The files mapped into the app's own process on `dataDir`, one path per line (/proc/<pid>/maps). */
export function appMappings(dataDir) {
  const [pid] = appPids(dataDir);
  if (!pid) throw new Error('no app process');
  return readFileSync(`/proc/${pid}/maps`, 'utf8')
    .split('\n')
    .map((line) => line.split(/\s+/).slice(5).join(' '))
    .filter((file) => file.startsWith('/'))
    .join('\n');
}

/** When the app on `dataDir` started, in epoch milliseconds (from /proc: 10 ms resolution). */
export function appStartedAt(dataDir) {
  const [pid] = appPids(dataDir);
  if (!pid) throw new Error('no app process');
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  // Seconds since boot now, to 10 ms, read beside the wall clock.
  const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
  return Date.now() - (uptime * 1000 - (ticks * 1000) / 100);
}

/** End the app on `dataDir` as a logout does (SIGTERM), and wait for it to exit. */
export async function quitApp(dataDir) {
  for (const pid of appPids(dataDir)) process.kill(pid, 'SIGTERM');
  const until = Date.now() + 10000;
  while (appPids(dataDir).length > 0) {
    if (Date.now() > until) throw new Error('the app did not quit on SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** WebKitWebDriver ends the app with the session. Once in CI the app outlived it (its web
 * process gone, its window left open) and held the store's lock, so the next launch found
 * Convene "already open". Quit any such leftover as a user would (SIGTERM, then SIGKILL), so
 * each launch starts on a free store; say so on stderr. */
async function quitLeftovers(dataDir) {
  const gone = async (ms) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (appPids(dataDir).length === 0) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return appPids(dataDir).length === 0;
  };
  if (await gone(5000)) return;
  for (const signal of ['SIGTERM', 'SIGKILL']) {
    for (const pid of appPids(dataDir)) {
      process.stderr.write(`e2e: the app (pid ${pid}) outlived its WebDriver session; sending ${signal}\n`);
      try {
        process.kill(pid, signal);
      } catch {
        // already gone
      }
    }
    if (await gone(5000)) return;
  }
  throw new Error(`the app on ${dataDir} would not quit`);
}

/** Wait until `selector` exists and is displayed. */
export async function shown(browser, selector, timeout = 15000) {
  const el = await browser.$(selector);
  await el.waitForDisplayed({ timeout });
  return el;
}

/** Wait until `selector` is displayed and its text matches `pattern` (a RegExp, or a string it must
 * equal), and return the text. A heading
 * or message can be drawn before what it names has loaded ("Outcome" before "Outcome: Initial child
 * protection conference"), so the text is read until it matches or `timeout` passes; a failure
 * shows the last text seen. */
export async function shownText(browser, selector, pattern, { timeout = 15000 } = {}) {
  const el = await shown(browser, selector, timeout);
  const matches = (t) => (typeof pattern === 'string' ? t === pattern : pattern.test(t));
  let text = await el.getText();
  if (!matches(text)) {
    await browser.waitUntil(async () => matches((text = await el.getText())), { timeout, interval: 100 }).catch(() => {});
  }
  if (typeof pattern === 'string') assert.equal(text, pattern, `${selector} reads ${JSON.stringify(text)}`);
  else assert.match(text, pattern, `${selector} reads ${JSON.stringify(text)}`);
  return text;
}

/** Set an input's value as typing would (date and time inputs cannot take keys over WebDriver),
 * optionally dropping a constraint first (to show the app's own refusal of bad input). */
export async function setInput(browser, id, value, { drop = null } = {}) {
  await browser.execute(
    (i, v, d) => {
      const el = document.getElementById(i);
      if (d) el.removeAttribute(d);
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    id,
    value,
    drop,
  );
}

/** Set a date field to its latest allowed day: today, in a field that refuses later days. */
export async function setToMax(browser, id) {
  await browser.execute((i) => {
    const el = document.getElementById(i);
    el.value = el.max;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, id);
}

const axeSource = readFileSync(path.join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Run axe-core (WCAG 2.0/2.1/2.2 A and AA) on the page; returns serious and critical violations. */
export async function axeViolations(browser) {
  await browser.execute(axeSource);
  const result = await browser.executeAsync((done) => {
    // eslint-disable-next-line no-undef
    axe
      .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
      .then((r) => done(JSON.stringify(r.violations)))
      .catch((e) => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }])));
  });
  return JSON.parse(result).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(vs) {
  return vs.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`).join('\n');
}

/** Save a screenshot of the window as an artefact: the window's pixels as the X server has them
 * (ImageMagick's `import`, cropped to the window). WebKitWebDriver's own screenshot waits for a
 * composited frame, which never comes once the app turns accelerated compositing off (as it
 * does to save memory), so it hangs after a resize. */
export async function screenshot(browser, name) {
  const { x, y, width, height } = await browser.getWindowRect();
  // Let the last change paint: two animation frames.
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  execFileSync('import', ['-display', process.env.DISPLAY, '-window', 'root', '-crop', `${width}x${height}+${x}+${y}`, '+repage', path.join(artifacts, `${name}.png`)]);
}

/** The median of some samples (the upper middle one for an even count). */
export function median(xs) {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

/** Record a timing for BENCHMARKS.md. */
export function record(name, value) {
  // `make bench-app` runs the suite on the release build into timings-release.json.
  const file = path.join(artifacts, process.env.CONVENE_TIMINGS ?? 'timings.json');
  let all = {};
  try {
    all = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // first timing
  }
  all[name] = value;
  writeFileSync(file, JSON.stringify(all, null, 2));
}

/** Memory (MiB) from /proc: resident (RSS) of the app's own process, and of it with its WebKit
 * processes; and their proportional share (PSS), which counts the WebKit libraries they share
 * once rather than in every process. */
export function residentMemoryMb() {
  let kb = 0;
  let appKb = 0;
  let pssKb = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!/convene-desktop|WebKitWebProcess|WebKitNetworkProcess/.test(cmd)) continue;
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) {
        kb += Number(m[1]);
        if (/convene-desktop/.test(cmd)) appKb += Number(m[1]);
      }
      const p = /Pss:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (p) pssKb += Number(p[1]);
    } catch {
      // the process ended while we looked
    }
  }
  return { app: Math.round(appKb / 1024), total: Math.round(kb / 1024), pss: Math.round(pssKb / 1024) };
}

/** A tall screenshot for a screen whose important part is below the fold (scrolled to the top
 * of the window when `at` names it); the window goes back to 1280×800 afterwards. */
export async function tallScreenshot(browser, name, height = 1800, at = null) {
  await browser.setWindowSize(1280, height);
  await new Promise((r) => setTimeout(r, 300));
  if (at) {
    await browser.execute((s) => document.querySelector(s)?.scrollIntoView({ block: 'start' }), at);
    await new Promise((r) => setTimeout(r, 100));
  }
  await screenshot(browser, name);
  await browser.setWindowSize(1280, 800);
}

/** Every TCP/UDP socket held by the app's processes (the app and its WebKit children) whose
 * peer is not on this machine. Read with `ss` (iproute2). */
export function remoteSockets() {
  const pids = new Set();
  const ps = execFileSync('ps', ['-eo', 'pid=,ppid=,comm=,args='], { encoding: 'utf8' });
  const rows = ps.split('\n').filter(Boolean).map((l) => l.trim().split(/\s+/));
  for (const r of rows) if (r.slice(2).join(' ').includes('convene-desktop')) pids.add(r[0]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of rows) if (pids.has(r[1]) && !pids.has(r[0])) {
      pids.add(r[0]);
      grew = true;
    }
  }
  const out = execFileSync('ss', ['-tunapH'], { encoding: 'utf8' });
  const local = (addr) => /^(127\.|\[::1\]|::1|\*|0\.0\.0\.0|\[::\]|\[::ffff:127\.)/.test(addr);
  return {
    pids: [...pids],
    remote: out
      .split('\n')
      .filter((l) => [...pids].some((p) => l.includes(`pid=${p},`)))
      .filter((l) => {
        const cols = l.trim().split(/\s+/);
        return !local(cols[5] ?? '*');
      }),
  };
}
