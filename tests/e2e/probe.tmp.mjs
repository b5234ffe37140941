import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { appPids, launch, newDataDir, shown } from './harness.mjs';
const cli = process.env.CONVENE_CLI;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function web(dir) {
  const [pid] = appPids(dir, /WebKitWebProcess/);
  const s = readFileSync(`/proc/${pid}/smaps`, 'utf8');
  let anon = 0, cur = '', total = 0;
  for (const line of s.split('\n')) {
    const m = /^[0-9a-f]+-[0-9a-f]+ (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (m) { cur = m[2] || '[anon]'; continue; }
    const p = /^Pss:\s+(\d+)/.exec(line);
    if (p) { total += +p[1]; if (cur === '[anon]' || cur === '[heap]') anon += +p[1]; }
  }
  return `web total ${(total/1024).toFixed(1)} anon+heap ${(anon/1024).toFixed(1)}`;
}
const dir = newDataDir();
execFileSync(cli, ['demo'], { env: { ...process.env, CONVENE_DATA_DIR: dir } });
const { browser, stop } = await launch(dir);
await shown(browser, '[data-testid="items-overdue"]');
await sleep(12000);
console.log('dashboard idle', web(dir));
const what = process.argv[2];
if (what === 'dom') {
  await browser.execute(() => { document.body.replaceChildren(); });
} else if (what === 'css') {
  await browser.execute(() => { for (const s of document.querySelectorAll('link[rel=stylesheet],style')) s.remove(); });
} else if (what === 'all') {
  await browser.execute(() => { document.documentElement.replaceChildren(); });
}
await sleep(12000);
console.log('after', what, web(dir));
await stop();
