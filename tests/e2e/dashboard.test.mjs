// The dashboard for me, my team and everyone: with "who am I" set to a social worker, the list
// opens on their children, and offers their team's and everyone's; checked with axe.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { axeViolations, describeViolations, launch, newDataDir, repo, screenshot, shown, shownText } from './harness.mjs';

const cli = process.env.CONVENE_CLI ?? path.join(repo, 'target', 'debug', 'convene');

/** The text of every due item's meta line ("Due by … · team · worker") on the dashboard. */
async function metas(browser) {
  const out = [];
  for (const m of await browser.$$('#dashboard [data-testid="due-item"] .meta')) out.push(await m.getText());
  return out;
}

async function choose(browser, scope) {
  await (await shown(browser, '#filter-scope')).selectByAttribute('value', scope);
}

describe('the dashboard for me, my team and everyone', () => {
  const dataDir = newDataDir();
  const env = { ...process.env, CONVENE_DATA_DIR: dataDir };
  const convene = (...args) => execFileSync(cli, args, { env, encoding: 'utf8' });
  let app;
  let worker;
  let team;

  before(async () => {
    convene('demo');
    // The social worker of the child waiting for an ICPC, and their team.
    const items = JSON.parse(convene('timescales', '--open', '--json'));
    const child = items.find((i) => i.rule === 'strategy-to-icpc').child;
    const sw = JSON.parse(convene('child', 'show', child, '--json')).child.social_worker;
    const person = JSON.parse(convene('person', 'list', '--json')).find((p) => p.id === sw);
    worker = person.name;
    team = person.team;
    convene('settings', 'set', '--me', sw);
    app = await launch(dataDir);
    await app.browser.setWindowSize(1280, 800);
  });
  after(async () => {
    await app?.stop();
  });

  it('opens on my children, and offers my team and everyone', async () => {
    const { browser } = app;
    await shown(browser, '#dashboard [data-testid="items-overdue"]', 30000);
    const select = await shown(browser, '#filter-scope');
    assert.equal(await select.getValue(), 'mine');
    const labels = [];
    for (const o of await select.$$('option')) labels.push(await o.getText());
    assert.deepEqual(labels, [`My children (${worker})`, `My team (${team})`, 'Everyone']);
    assert.equal(await (await browser.$('#scope-hint')).isExisting(), false, 'the hint to choose who I am, once chosen');
    const mine = await metas(browser);
    assert.ok(mine.length > 0, 'nothing overdue or due soon for the worker of a child waiting for an ICPC');
    for (const m of mine) assert.ok(m.endsWith(` · ${worker}`), `not ${worker}'s: ${m}`);
    assert.ok(await (await browser.$('#dashboard li[data-rule="strategy-to-icpc"]')).isExisting(), 'no ICPC among my items');
    // The outcomes list follows the same choice: none of the demo's unrecorded core group unless
    // it is this worker's child or they chair it.
    await shown(browser, '#dashboard [data-testid="group-outcomes"]');
    await screenshot(browser, '02c-dashboard-mine');
    const violations = await axeViolations(browser);
    assert.deepEqual(violations, [], describeViolations(violations));

    await choose(browser, 'team');
    const teams = await metas(browser);
    assert.ok(teams.length >= mine.length, 'my team has fewer items than I have');
    for (const m of teams) assert.ok(m.includes(` · ${team} · `), `not ${team}'s: ${m}`);

    await choose(browser, 'all');
    const everyone = await metas(browser);
    assert.ok(everyone.length > teams.length, 'everyone has no more items than my team');
    assert.ok(everyone.some((m) => !m.includes(` · ${team} · `)), 'no other team among everyone\'s');
    // Everyone's outcomes to record include the demo's core group.
    await shownText(browser, '[data-testid="group-outcomes"]', /^Outcomes to record \([1-9]\d*\)$/);
  });

  it('offers the practitioner filter only beyond my children, within the chosen scope, and clears it on a change', async () => {
    const { browser } = app;
    await choose(browser, 'mine');
    assert.equal(await (await browser.$('#filter-worker')).isExisting(), false, 'a practitioner filter on my own children');
    await choose(browser, 'team');
    const offered = [];
    for (const o of await (await shown(browser, '#filter-worker')).$$('option')) offered.push(await o.getText());
    assert.ok(offered.includes(worker) && offered.includes('All practitioners'), JSON.stringify(offered));
    // Someone else chosen among everyone's, then "my children": the list is mine, not empty.
    await choose(browser, 'all');
    const everyone = [];
    for (const o of await (await shown(browser, '#filter-worker')).$$('option')) everyone.push(await o.getText());
    await (await browser.$('#filter-worker')).selectByVisibleText(everyone.find((v) => v !== worker && v !== 'All practitioners'));
    await choose(browser, 'mine');
    assert.ok((await metas(browser)).length > 0, 'my list emptied by a practitioner chosen before');
    await choose(browser, 'all');
    assert.equal(await (await shown(browser, '#filter-worker')).getValue(), '');
  });
});
