import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { launch, newDataDir, residentMemoryMb, shown } from '/work/main/tests/e2e/harness.mjs';
const cli = '/work/main/target/debug/convene';
const dataDir = newDataDir();
execFileSync(cli, ['demo'], { env: { ...process.env, CONVENE_DATA_DIR: dataDir } });
function detail() {
  const out = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const m = /(convene-desktop|WebKitWebProcess|WebKitNetworkProcess)/.exec(cmd);
      if (!m) continue;
      const r = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const g = (k) => Math.round(Number(new RegExp(`${k}:\\s+(\\d+) kB`).exec(r)[1]) / 1024);
      out.push(`${m[1]} rss=${g('Rss')} pss=${g('Pss')} anon=${g('Anonymous')}`);
    } catch {}
  }
  return out.join(' | ');
}
const variants = JSON.parse(process.argv[2] ?? '[{}]');
for (const env of variants) {
  const app = await launch(dataDir, env);
  await app.browser.setWindowSize(1280, 800);
  await shown(app.browser, '#dashboard [data-testid="items-overdue"]', 60000);
  await new Promise((r) => setTimeout(r, 3000));
  const m = residentMemoryMb();
  console.log(JSON.stringify(env), JSON.stringify(m), detail());
  await app.stop();
}
