import { describe, expect, it } from 'vitest';
import type { DueItemView } from '../bindings/DueItemView';
import type { Me } from '../bindings/Me';
import type { OutcomeToRecord } from '../bindings/OutcomeToRecord';
import { ALL, areaTitle, bookingOf, summaryUnderTitle, defaultScope, dueBadge, groups, inScope, needsDoing, options, outcomesShown, ruleOptions, scopeOptions, statusLabel, dueKey } from './dashboard';

const TOM = '00000000-0000-4000-8000-0000000000a1';
const ROSA = '00000000-0000-4000-8000-0000000000a2';
const TEAM = '00000000-0000-4000-8000-0000000000b1';
const OTHER_TEAM = '00000000-0000-4000-8000-0000000000b2';
const TODAY = '2026-11-25';

function item(p: Partial<DueItemView>): DueItemView {
  return {
    child: '00000000-0000-4000-8000-000000000001',
    child_name: 'Amelia Hart',
    rule: 'strategy-to-icpc',
    rule_title: 'Initial child protection conference',
    anchor: '2026-11-01',
    deadline: '2026-11-20',
    status: 'overdue',
    met_on: null,
    scheduled: null,
    deadline_computed: false,
    summary: '',
    when: null,
    team: 'Assessment and Intervention Team',
    social_worker: 'Tom Ellery',
    team_id: TEAM,
    social_worker_id: TOM,
    anchor_source: { type: 'meeting', id: '00000000-0000-4000-8000-000000000002' },
    schedule_kind: 'icpc',
    record_kind: null,
    area: 'child-protection',
    rule_kind: 'statutory',
    ...p,
  };
}

describe('what needs doing', () => {
  const items = [
    item({ deadline: '2026-11-21', child_name: 'B' }),
    item({ deadline: '2026-11-20', child_name: 'A' }),
    item({ status: 'due-soon', deadline: '2026-11-30', team: 'Children in Care Team', rule: 'lac-review', rule_title: 'Looked-after review' }),
    item({ status: 'met' }),
    item({ status: 'upcoming' }),
  ];

  it('keeps only overdue and due-soon, each by deadline', () => {
    const r = needsDoing(items, { team: ALL, rule: ALL, mine: null }, TODAY);
    expect(r.overdue.map((i) => i.child_name)).toEqual(['A', 'B']);
    expect(r.dueSoon).toHaveLength(1);
  });

  it('puts child protection first, each area by deadline, unless asked for the oldest deadline first', () => {
    const mixed = [
      item({ deadline: '2025-12-31', child_name: 'Lily', rule: 'cin-review', area: 'child-in-need', rule_kind: 'local' }),
      item({ deadline: '2026-11-12', child_name: 'Willow' }),
      item({ deadline: '2026-11-25', child_name: 'Isla', rule: 'referral-decision', area: 'referral' }),
      item({ deadline: '2026-06-01', child_name: 'Kai', rule: 'lac-review', area: 'looked-after' }),
      item({ deadline: '2026-11-01', child_name: 'Jude', rule: 'cp-visit', rule_kind: 'local' }),
      item({ deadline: '2026-10-01', child_name: 'Ava', rule: 'conference-minutes', area: 'conference-papers', rule_kind: 'local' }),
    ];
    const f = { team: ALL, rule: ALL, mine: null };
    expect(needsDoing(mixed, f, TODAY).overdue.map((i) => i.child_name)).toEqual(['Jude', 'Willow', 'Isla', 'Kai', 'Lily', 'Ava']);
    expect(needsDoing(mixed, f, TODAY, 'urgency').overdue.map((i) => i.child_name)).toEqual(['Jude', 'Willow', 'Isla', 'Kai', 'Lily', 'Ava']);
    expect(needsDoing(mixed, f, TODAY, 'deadline').overdue.map((i) => i.child_name)).toEqual(['Lily', 'Kai', 'Ava', 'Jude', 'Willow', 'Isla']);
  });

  it('does not repeat the timescale under its own heading', () => {
    const summary = 'Initial child protection conference: due by Wed 2 Dec 2026 (today); booked for Wed 2 Dec 2026, inside the deadline';
    expect(summaryUnderTitle(item({ summary }))).toBe('Due by Wed 2 Dec 2026 (today); booked for Wed 2 Dec 2026, inside the deadline');
    // A summary that does not start with the title is left as it is.
    expect(summaryUnderTitle(item({ summary: 'Something else: due by …' }))).toBe('Something else: due by …');
  });

  it('says what an item is about in words', () => {
    expect(areaTitle('child-protection')).toBe('Child protection');
    expect(areaTitle('referral')).toBe('Referral and assessment');
    expect(areaTitle('conference-papers')).toBe('Conference papers');
  });

  it('filters by team, rule and practitioner', () => {
    expect(needsDoing(items, { team: 'Children in Care Team', rule: ALL, mine: null }, TODAY).overdue).toHaveLength(0);
    expect(needsDoing(items, { team: ALL, rule: 'lac-review', mine: null }, TODAY).dueSoon).toHaveLength(1);
    expect(needsDoing(items, { team: ALL, rule: ALL, mine: 'Someone else' }, TODAY).overdue).toHaveLength(0);
  });

  it('offers each team and rule once, sorted', () => {
    expect(options(items, (i) => i.team)).toEqual(['Assessment and Intervention Team', 'Children in Care Team']);
    expect(ruleOptions(items).map((r) => r.id)).toEqual(['strategy-to-icpc', 'lac-review']);
    // One rule, called two ways for two children: offered once, under both names.
    const both = ruleOptions([item({}), item({ rule_title: 'Pre-birth conference' }), item({})]);
    expect(both).toEqual([{ id: 'strategy-to-icpc', title: 'Initial child protection conference / Pre-birth conference' }]);
  });

  it('labels each status', () => {
    expect(statusLabel('due-soon')).toBe('Due soon');
  });
});

describe('grouping and filtering', () => {
  const cp = 'Child Protection and Court Team';
  const ai = 'Assessment and Intervention Team';
  const items = [
    item({ child_name: 'Isla', status: 'overdue', team: cp, rule: 'cin-review', rule_title: 'Child-in-need review', deadline: '2026-08-26' }),
    item({ child_name: 'Ivy', status: 'overdue', team: cp, rule: 'cin-review', rule_title: 'Child-in-need review', deadline: '2026-10-22' }),
    item({ child_name: 'B.S.', status: 'overdue', team: ai, rule: 'strategy-to-icpc', deadline: '2026-11-03' }),
    item({ child_name: 'Zara', status: 'due-soon', team: cp, rule: 'core-group-to-core-group', rule_title: 'Core group', deadline: '2026-11-27' }),
    item({ child_name: 'Amir', status: 'due-soon', team: ai, rule: 'cin-review', rule_title: 'Child-in-need review', deadline: '2026-11-26' }),
    item({ child_name: 'Unallocated', status: 'due-soon', team: null, social_worker: null, rule: 'cin-review', rule_title: 'Child-in-need review', deadline: '2026-11-30' }),
    item({ child_name: 'Met', status: 'met-late', team: cp }),
    item({ child_name: 'Closed', status: 'closed', team: cp }),
  ];
  const everything = { team: ALL, rule: ALL, mine: null };

  it('groups overdue before due soon, with counts in the headings', () => {
    const g = groups(needsDoing(items, everything, TODAY));
    expect(g.map((x) => x.title)).toEqual(['Overdue (3)', 'Due soon (3)', 'Due soon, booked within timescale (0)']);
    expect(g[0].items.map((i) => i.child_name)).toEqual(['Isla', 'Ivy', 'B.S.']);
    expect(g[1].items.map((i) => i.child_name)).toEqual(['Amir', 'Zara', 'Unallocated']);
  });

  it('filters by team: items with no team only show for all teams', () => {
    const g = groups(needsDoing(items, { ...everything, team: ai }, TODAY));
    expect(g.map((x) => x.title)).toEqual(['Overdue (1)', 'Due soon (1)', 'Due soon, booked within timescale (0)']);
    expect(g[1].items[0].child_name).toBe('Amir');
    expect(options(items, (i) => i.team)).toEqual([ai, cp]);
  });

  it('filters by rule, and by team and rule together', () => {
    const byRule = needsDoing(items, { ...everything, rule: 'cin-review' }, TODAY);
    expect(byRule.overdue).toHaveLength(2);
    expect(byRule.dueSoon.map((i) => i.child_name)).toEqual(['Amir', 'Unallocated']);
    const both = groups(needsDoing(items, { team: cp, rule: 'strategy-to-icpc', mine: null }, TODAY));
    expect(both.map((x) => x.items.length)).toEqual([0, 0, 0]);
    expect(both[0].none).toBe('Nothing is overdue for this selection.');
  });

  it('lists an item due soon and booked within timescale apart, as in hand; one booked late, or whose day has passed, stays to do', () => {
    const meeting = '00000000-0000-4000-8000-000000000003';
    const booked = [
      item({ child_name: 'In time', status: 'due-soon', deadline: '2026-11-30', scheduled: { meeting, date: '2026-11-27', within_deadline: true } }),
      item({ child_name: 'Today', status: 'due-soon', deadline: '2026-11-30', scheduled: { meeting, date: TODAY, within_deadline: true } }),
      item({ child_name: 'Late', status: 'due-soon', deadline: '2026-11-30', scheduled: { meeting, date: '2026-12-03', within_deadline: false } }),
      item({ child_name: 'To record', status: 'due-soon', deadline: '2026-11-30', scheduled: { meeting, date: '2026-11-24', within_deadline: true } }),
      item({ child_name: 'Not booked', status: 'due-soon', deadline: '2026-11-30' }),
    ];
    const r = needsDoing(booked, everything, TODAY, 'deadline');
    expect(r.booked.map((i) => i.child_name)).toEqual(['In time', 'Today']);
    expect(r.dueSoon.map((i) => i.child_name)).toEqual(['Late', 'Not booked', 'To record']);
    const g = groups(r);
    expect(g[2].title).toBe('Due soon, booked within timescale (2)');
    expect(groups(needsDoing(booked.slice(0, 2), everything, TODAY))[1].none).toBe('Everything due soon for this selection is booked within timescale.');
    expect(groups(needsDoing([], everything, TODAY))[1].none).toBe('Nothing is due soon for this selection.');
  });

  it('offers each rule once under its title, sorted by title', () => {
    expect(ruleOptions(items)).toEqual([
      { id: 'cin-review', title: 'Child-in-need review' },
      { id: 'core-group-to-core-group', title: 'Core group' },
      { id: 'strategy-to-icpc', title: 'Initial child protection conference' },
    ]);
  });

  it('keys two same-day items of one rule apart, by the record each runs from', () => {
    const visit = (id: string) => ({ child: 'c1', rule: 'cp-visit', anchor_source: { type: 'event' as const, id } });
    expect(dueKey(visit('e1'))).not.toBe(dueKey(visit('e2')));
    expect(dueKey(visit('e1'))).toBe(dueKey(visit('e1')));
  });
});

describe('dueBadge', () => {
  it('says "Due today" for an item due today, more urgently than "Due soon"', () => {
    expect(dueBadge(item({ status: 'due-soon', deadline: '2026-12-02' }), '2026-12-02')).toEqual({ label: 'Due today', cls: 'due-today' });
    expect(dueBadge(item({ status: 'due-soon', deadline: '2026-12-03' }), '2026-12-02')).toEqual({ label: 'Due soon', cls: 'due-soon' });
    // Met on its last day is met, not due.
    expect(dueBadge(item({ status: 'met', deadline: '2026-12-02' }), '2026-12-02')).toEqual({ label: 'Met', cls: 'met' });
    expect(dueBadge(item({ status: 'overdue', deadline: '2026-12-01' }), '2026-12-02').label).toBe('Overdue');
  });
});

describe('bookingOf', () => {
  const meeting = '00000000-0000-4000-8000-000000000003';
  const today = '2026-12-01';
  it('is nothing when no meeting is booked', () => {
    expect(bookingOf(item({}), today)).toBeNull();
  });
  it('puts an item booked inside its deadline in hand', () => {
    expect(bookingOf(item({ scheduled: { meeting, date: '2026-12-02', within_deadline: true } }), today)).toEqual({
      label: 'Booked: Wed 2 Dec 2026, within timescale',
      inHand: true,
      ok: true,
      outcome: null,
    });
  });
  it('leaves an item booked after its deadline still to schedule', () => {
    expect(bookingOf(item({ scheduled: { meeting, date: '2026-12-09', within_deadline: false } }), today)).toEqual({
      label: 'Booked: Wed 9 Dec 2026, after the deadline',
      inHand: false,
      ok: false,
      outcome: null,
    });
  });
  it("says today's booking is today's, and offers no earlier day for one after the deadline", () => {
    expect(bookingOf(item({ scheduled: { meeting, date: today, within_deadline: true } }), today)?.label).toBe('Booked: Tue 1 Dec 2026 (today), within timescale');
    expect(bookingOf(item({ scheduled: { meeting, date: today, within_deadline: false } }), today)).toEqual({
      label: 'Booked: Tue 1 Dec 2026 (today), after the deadline',
      inHand: true,
      ok: false,
      outcome: null,
    });
  });
  it('asks for the outcome of a booked meeting whose day has passed', () => {
    expect(bookingOf(item({ scheduled: { meeting, date: '2026-11-30', within_deadline: true } }), today)).toEqual({
      label: 'Booked for Mon 30 Nov 2026: record its outcome',
      inHand: true,
      ok: false,
      outcome: meeting,
    });
    expect(bookingOf(item({ scheduled: { meeting, date: '2026-11-30', within_deadline: false } }), today)?.label).toBe(
      'Booked for Mon 30 Nov 2026, after the deadline: record its outcome',
    );
    // Today's is still today's meeting, until its time has passed.
    const todays = item({ scheduled: { meeting, date: '2026-12-01', within_deadline: true } });
    expect(bookingOf(todays, today)?.ok).toBe(true);
    expect(bookingOf(todays, today, new Set([meeting]))).toEqual({
      label: 'Booked for Tue 1 Dec 2026 (today): record its outcome',
      inHand: true,
      ok: false,
      outcome: meeting,
    });
    // Whose time has passed goes with the item among those to do, not those booked in time.
    const f = { team: ALL, rule: ALL, mine: null };
    const soon = { ...todays, status: 'due-soon' as const };
    expect(needsDoing([soon], f, today).booked).toHaveLength(1);
    const r = needsDoing([soon], f, today, 'urgency', new Set([meeting]));
    expect([r.dueSoon.length, r.booked.length]).toEqual([1, 0]);
  });
});

describe('mine, my team, everyone', () => {
  const tom: Me = { person: { id: TOM, name: 'Tom Ellery' }, team: { id: TEAM, name: 'Assessment and Intervention Team' }, allocated: 3 };
  const manager: Me = { person: { id: ROSA, name: 'Rosa Quinn' }, team: { id: TEAM, name: 'Assessment and Intervention Team' }, allocated: 0 };
  const chair: Me = { person: { id: ROSA, name: 'Rosa Quinn' }, team: null, allocated: 0 };

  it('opens on my children, else my team, else everyone', () => {
    expect(defaultScope(null)).toBe('all');
    expect(defaultScope(tom)).toBe('mine');
    expect(defaultScope(manager)).toBe('team');
    expect(defaultScope(chair)).toBe('all');
  });

  it('offers only the scopes "who am I" allows, naming whose they are', () => {
    expect(scopeOptions(null)).toEqual([{ value: 'all', label: 'Everyone' }]);
    expect(scopeOptions(tom).map((o) => o.label)).toEqual(['My children (Tom Ellery)', 'My team (Assessment and Intervention Team)', 'Everyone']);
    expect(scopeOptions(chair).map((o) => o.value)).toEqual(['mine', 'all']);
  });

  it('keeps items by their social worker and team ids, not names', () => {
    const mine = item({});
    const colleagues = item({ social_worker_id: ROSA, social_worker: 'Tom Ellery' });
    const elsewhere = item({ social_worker_id: ROSA, team_id: OTHER_TEAM, team: 'Assessment and Intervention Team' });
    const unallocated = item({ social_worker_id: null, team_id: null });
    const all = [mine, colleagues, elsewhere, unallocated];
    expect(all.filter((i) => inScope(i, 'mine', tom))).toEqual([mine]);
    expect(all.filter((i) => inScope(i, 'team', tom))).toEqual([mine, colleagues]);
    expect(all.filter((i) => inScope(i, 'all', tom))).toEqual(all);
    // Without a team, "my team" holds nothing; without "who am I", everything.
    expect(all.filter((i) => inScope(i, 'team', chair))).toEqual([]);
    expect(all.filter((i) => inScope(i, 'mine', null))).toEqual(all);
  });

  it('shows meetings to record on the list of a child\'s social worker or the chair, within the filters', () => {
    const o = (people: [string, string][], teams: [string, string][]): OutcomeToRecord => ({
      meeting: {
        id: '00000000-0000-4000-8000-00000000000c',
        kind: 'core-group',
        kind_title: 'Core group',
        start: '2026-11-20T10:00:00+00:00',
        end: '2026-11-20T11:00:00+00:00',
        children: ['Amelia Hart'],
        child_ids: ['00000000-0000-4000-8000-000000000001'],
        location: 'Online (Teams)',
        chair: null,
        status: 'planned',
        changeable: true,
        after_deadline: null,
        conflicts: [],
      },
      people: people.map(([id, name]) => ({ id, name })),
      teams: teams.map(([id, name]) => ({ id, name })),
    });
    const toms = o([[TOM, 'Tom Ellery']], [[TEAM, 'Assessment and Intervention Team']]);
    const chaired = o([['00000000-0000-4000-8000-0000000000a3', 'Sam Lee'], [ROSA, 'Rosa Quinn']], [[OTHER_TEAM, 'Children in Care Team']]);
    const list = [toms, chaired];
    const none = { team: ALL, rule: ALL, mine: null };
    expect(outcomesShown(list, none, 'mine', tom)).toEqual([toms]);
    expect(outcomesShown(list, none, 'mine', chair)).toEqual([chaired]);
    expect(outcomesShown(list, none, 'team', manager)).toEqual([toms]);
    expect(outcomesShown(list, none, 'all', tom)).toEqual(list);
    expect(outcomesShown(list, { ...none, team: 'Children in Care Team' }, 'all', null)).toEqual([chaired]);
    expect(outcomesShown(list, { ...none, mine: 'Sam Lee' }, 'all', null)).toEqual([chaired]);
    // The timescale filter is about due items: a meeting meets several.
    expect(outcomesShown(list, { ...none, rule: 'core-group-first' }, 'all', null)).toEqual(list);
  });
});
