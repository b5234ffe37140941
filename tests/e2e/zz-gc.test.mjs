import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { launch, newDataDir } from '/work/main/tests/e2e/harness.mjs';
function web(dir) {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('WebKitWebProcess')) continue;
      const env = readFileSync(`/proc/${pid}/environ`, 'utf8');
      if (!env.includes(dir)) continue;
      const r = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const g = (k) => Number(r.match(new RegExp('^' + k + ':\\s+(\\d+)', 'm'))[1]);
      return { pss: g('Pss'), anon: g('Anonymous') };
    } catch {}
  }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
test('gc', async () => {
  const dir = newDataDir();
  execFileSync(process.env.CONVENE_CLI, ['demo'], { env: { ...process.env, CONVENE_DATA_DIR: dir } });
  const { browser, stop } = await launch(dir, { JSC_useDollarVM: '1' });
  const out = {};
  try {
    await sleep(15000);
    out.before = web(dir);
    out.has = await browser.execute(() => typeof $vm);
    if (out.has !== 'undefined') {
      await browser.execute(() => { $vm.gc(); });
      await sleep(1000);
      out.after1 = web(dir);
      await sleep(10000);
      out.after11 = web(dir);
    }
  } finally { await stop(); writeFileSync('/tmp/inv/gc.json', JSON.stringify(out)); }
});
