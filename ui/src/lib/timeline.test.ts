import { describe, expect, it } from 'vitest';
import type { ChildDetail } from '../bindings/ChildDetail';
import type { DueItemView } from '../bindings/DueItemView';
import type { MeetingSummary } from '../bindings/MeetingSummary';
import { timeline } from './timeline';

const item = (p: Partial<DueItemView>): DueItemView =>
  ({
    child: 'c1',
    child_name: 'Amelia Hart',
    rule: 'icpc-to-core-group',
    rule_title: 'First core group',
    anchor: '2026-03-20',
    deadline: '2026-03-30',
    status: 'upcoming',
    met_on: null,
    scheduled: null,
    deadline_computed: false,
    summary: '',
    when: null,
    team: null,
    social_worker: null,
    anchor_source: { type: 'meeting', id: 'm1' },
    schedule_kind: 'core-group',
    ...p,
  }) as DueItemView;

const meeting = (id: string, start: string): MeetingSummary => ({ id, start, kind_title: 'Core group' }) as unknown as MeetingSummary;

const detail = (d: Partial<ChildDetail>): ChildDetail => ({ events: [], meetings: [], items: [], ...d }) as unknown as ChildDetail;

describe('the child timeline', () => {
  it('puts a day in order: what happened, then meetings, then deadlines', () => {
    const t = timeline(
      detail({
        events: [{ id: 'e1', date: '2026-03-30', label: 'Visit' }] as ChildDetail['events'],
        meetings: [meeting('m2', '2026-03-30T09:00:00+01:00')],
        items: [item({})],
      }),
    );
    expect(t.map((e) => e.kind)).toEqual(['event', 'meeting', 'deadline']);
    expect(t[2].label).toBe('Deadline: First core group');
    // An event's entry carries the event, which the record offers to remove.
    expect(t[0].event?.id).toBe('e1');
  });

  it('puts what a meeting decides after the meeting on its day, and what leads to it before', () => {
    const t = timeline(
      detail({
        events: [
          { id: 'e1', date: '2026-03-30', label: 'Section 47 enquiry started', kind: 's47-start' },
          { id: 'e2', date: '2026-03-30', label: 'Referral', kind: 'referral' },
        ] as ChildDetail['events'],
        meetings: [meeting('m2', '2026-03-30T09:00:00+01:00')],
        items: [],
      }),
    );
    expect(t.map((e) => e.key)).toEqual(['ee2', 'mm2', 'ee1']);
  });

  it("marks today before the day's entries, between what has happened and what is to come", () => {
    const d = detail({
      events: [{ id: 'e1', date: '2026-03-27', label: 'Visit' }] as ChildDetail['events'],
      meetings: [meeting('m2', '2026-03-30T09:00:00+01:00')],
      items: [item({})],
    });
    expect(timeline(d, '2026-03-30').map((e) => e.kind)).toEqual(['event', 'today', 'meeting', 'deadline']);
    expect(timeline(d, '2026-03-28').map((e) => e.kind)).toEqual(['event', 'today', 'meeting', 'deadline']);
    expect(timeline(d, '2026-04-30').map((e) => e.kind)).toEqual(['event', 'meeting', 'deadline', 'today']);
    expect(timeline(d).map((e) => e.kind)).not.toContain('today');
  });

  it("dates a meeting by the UK's day, not UTC's", () => {
    // 00:30 on Mon 30 Mar 2026 in London (BST) is still Sunday in UTC.
    const t = timeline(detail({ meetings: [meeting('m1', '2026-03-29T23:30:00Z')] }));
    expect(t[0].date).toBe('2026-03-30');
  });

  it('keeps two deadlines of one rule apart, and sorts by date', () => {
    const t = timeline(
      detail({
        items: [
          item({ deadline: '2026-04-10', anchor_source: { type: 'event', id: 'v2' }, rule: 'cp-visit', rule_title: 'Visit' }),
          item({ deadline: '2026-04-03', anchor_source: { type: 'event', id: 'v1' }, rule: 'cp-visit', rule_title: 'Visit' }),
        ],
      }),
    );
    expect(t.map((e) => e.date)).toEqual(['2026-04-03', '2026-04-10']);
    expect(new Set(t.map((e) => e.key)).size).toBe(2);
  });
});
