import { describe, expect, it } from 'vitest';
import type { ChildDetail } from '../bindings/ChildDetail';
import type { DueItemView } from '../bindings/DueItemView';
import type { EpisodeView } from '../bindings/EpisodeView';
import type { MeetingKind } from '../bindings/MeetingKind';
import { defaultMeetingKind, splitReasons } from './schedule';

const item = (p: Partial<DueItemView>): DueItemView =>
  ({ status: 'upcoming', deadline: '2026-03-30', scheduled: null, schedule_kind: 'core-group', ...p }) as DueItemView;
const episode = (kind: EpisodeView['kind'], end: string | null = null): EpisodeView =>
  ({ id: kind, kind, label: kind, start: '2026-01-05', end }) as EpisodeView;
const kinds: MeetingKind[] = ['strategy-discussion', 'icpc', 'core-group', 'cin-review', 'lac-review', 'review-conference'];
const child = (items: DueItemView[], episodes: EpisodeView[] = []) => ({
  items,
  episodes,
  meeting_kinds: kinds.map((kind) => ({ kind, title: kind, typical_minutes: 60 })),
});

describe('the meeting the schedule form offers first', () => {
  it('is the meeting to book for the most urgent open item', () => {
    const c = child([
      item({ status: 'upcoming', deadline: '2026-03-01', schedule_kind: 'review-conference' }),
      item({ status: 'due-soon', deadline: '2026-03-20', schedule_kind: 'cin-review' }),
      item({ status: 'overdue', deadline: '2026-03-10', schedule_kind: 'icpc' }),
      item({ status: 'overdue', deadline: '2026-03-05', schedule_kind: 'core-group' }),
    ]);
    expect(defaultMeetingKind(c)).toBe('core-group');
  });

  it('passes over items met, closed, already planned, or met by an event', () => {
    const c = child(
      [
        item({ status: 'met', schedule_kind: 'icpc' }),
        item({ status: 'missed', schedule_kind: 'icpc' }),
        item({ status: 'overdue', schedule_kind: 'icpc', scheduled: { meeting: 'm1', date: '2026-03-29', within_deadline: true } }),
        item({ status: 'overdue', schedule_kind: null }),
        item({ status: 'upcoming', schedule_kind: 'cin-review' }),
      ],
      [episode('child-protection')],
    );
    expect(defaultMeetingKind(c)).toBe('cin-review');
  });

  it("is the open plan's usual meeting when no item asks for one", () => {
    expect(defaultMeetingKind(child([], [episode('child-in-need')]))).toBe('cin-review');
    expect(defaultMeetingKind(child([], [episode('looked-after')]))).toBe('lac-review');
    expect(defaultMeetingKind(child([], [episode('child-in-need', '2026-02-01'), episode('child-protection')]))).toBe('core-group');
    expect(defaultMeetingKind(child([], [episode('looked-after'), episode('child-protection')]))).toBe('core-group');
  });

  it('is a strategy discussion for a child on no plan', () => {
    expect(defaultMeetingKind(child([]))).toBe('strategy-discussion');
    expect(defaultMeetingKind(child([], [episode('child-protection', '2026-02-01')]))).toBe('strategy-discussion');
  });

  it('is never a kind the form does not offer', () => {
    const c = { ...child([item({ schedule_kind: 'pre-birth-conference' })], [episode('child-in-need')]) };
    expect(defaultMeetingKind(c)).toBe('cin-review');
  });
});

describe('splitReasons', () => {
  it('says what every time shares once, and what differs beside each', () => {
    const a = { reasons: ['Everyone required can attend.', 'Online.', 'Reports due by Thu 3 Dec 2026.'] };
    const b = { reasons: ['Everyone required can attend.', 'Online.', 'Reports due by Fri 4 Dec 2026.'] };
    expect(splitReasons([a, b])).toEqual({
      common: ['Everyone required can attend.', 'Online.'],
      own: [['Reports due by Thu 3 Dec 2026.'], ['Reports due by Fri 4 Dec 2026.']],
    });
  });

  it('shares nothing with one time, or none', () => {
    const a = { reasons: ['Online.'] };
    expect(splitReasons([a])).toEqual({ common: [], own: [['Online.']] });
    expect(splitReasons([])).toEqual({ common: [], own: [] });
  });
});
