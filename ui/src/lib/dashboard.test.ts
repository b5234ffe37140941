import { describe, expect, it } from 'vitest';
import type { DueItemView } from '../bindings/DueItemView';
import { ALL, meetingKindFor, needsDoing, options, ruleOptions, statusLabel } from './dashboard';

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
    team: 'Assessment and Intervention Team',
    social_worker: 'Tom Ellery',
    anchor_source: { type: 'meeting', id: '00000000-0000-4000-8000-000000000002' },
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
    const r = needsDoing(items, { team: ALL, rule: ALL, mine: null });
    expect(r.overdue.map((i) => i.child_name)).toEqual(['A', 'B']);
    expect(r.dueSoon).toHaveLength(1);
  });

  it('filters by team, rule and practitioner', () => {
    expect(needsDoing(items, { team: 'Children in Care Team', rule: ALL, mine: null }).overdue).toHaveLength(0);
    expect(needsDoing(items, { team: ALL, rule: 'lac-review', mine: null }).dueSoon).toHaveLength(1);
    expect(needsDoing(items, { team: ALL, rule: ALL, mine: 'Someone else' }).overdue).toHaveLength(0);
  });

  it('offers each team and rule once, sorted', () => {
    expect(options(items, (i) => i.team)).toEqual(['Assessment and Intervention Team', 'Children in Care Team']);
    expect(ruleOptions(items).map((r) => r.id)).toEqual(['strategy-to-icpc', 'lac-review']);
  });

  it('knows which meeting meets which rule', () => {
    expect(meetingKindFor('strategy-to-icpc')).toBe('icpc');
    expect(meetingKindFor('core-group-to-core-group')).toBe('core-group');
    expect(meetingKindFor('cp-visit')).toBeNull();
    expect(statusLabel('due-soon')).toBe('Due soon');
  });
});
