import { describe, expect, it } from 'vitest';
import { dayHeading, periodTitle, spokenEntry, toEvents, fetchRange, filterFrom, filterValue, toEvent, wallClock, ymd } from './calendar';
import type { CalendarEntry } from '../bindings/CalendarEntry';

describe('calendar', () => {
  it('reads the wall clock from local fields, whatever the machine zone', () => {
    const d = new Date(2026, 2, 29, 9, 5); // Sun 29 Mar 2026, the day the clocks go forward
    expect(wallClock(d)).toBe('2026-03-29T09:05');
    expect(ymd(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
  });

  it('turns an exclusive end into an inclusive last day', () => {
    // A month view: Mon 23 Feb to Mon 6 Apr (exclusive) covers up to Sun 5 Apr.
    expect(fetchRange(new Date(2026, 1, 23), new Date(2026, 3, 6))).toEqual({ from: '2026-02-23', to: '2026-04-05' });
    // A day view.
    expect(fetchRange(new Date(2026, 2, 2), new Date(2026, 2, 3))).toEqual({ from: '2026-03-02', to: '2026-03-02' });
    // Across the year end.
    expect(fetchRange(new Date(2026, 11, 28), new Date(2027, 0, 4))).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });

  it('round-trips every filter through the select value', () => {
    const id = '0b6f9c1e-5b7a-4d7e-9a51-1f0b2c3d4e5f';
    for (const f of [
      { type: 'everyone' } as const,
      { type: 'person', person: id } as const,
      { type: 'team', team: id } as const,
      { type: 'venue', venue: id } as const,
    ]) {
      expect(filterFrom(filterValue(f))).toEqual(f);
    }
    expect(filterFrom('person:')).toEqual({ type: 'everyone' });
    expect(filterFrom('nonsense')).toEqual({ type: 'everyone' });
  });

  it('titles a day, a week and a month in UK style', () => {
    expect(periodTitle(new Date(2026, 10, 30), new Date(2026, 10, 30))).toBe('Monday 30 November 2026');
    expect(periodTitle(new Date(2026, 10, 30), new Date(2026, 11, 6))).toBe('Mon 30 Nov to Sun 6 Dec 2026');
    expect(periodTitle(new Date(2026, 11, 28), new Date(2027, 0, 3))).toBe('Mon 28 Dec 2026 to Sun 3 Jan 2027');
    expect(periodTitle(new Date(2026, 8, 1), new Date(2026, 8, 30))).toBe('September 2026');
    expect(periodTitle(new Date(2026, 1, 1), new Date(2026, 1, 28))).toBe('February 2026');
    expect(dayHeading(new Date(2026, 8, 7))).toBe('Mon 7 Sep');
  });

  it('lets only planned meetings be dragged', () => {
    const base: CalendarEntry = {
      id: 'm1',
      kind: 'core-group',
      title: 'Core group: Ava Smith',
      start: '2026-03-02T10:00:00',
      end: '2026-03-02T11:00:00',
      status: 'planned',
      location: 'Room 1',
      movable: true,
    };
    expect(toEvent(base)).toMatchObject({ editable: true, startEditable: true, durationEditable: false, classNames: ['meeting-planned'] });
    expect(toEvent({ ...base, status: 'held', movable: false })).toMatchObject({ editable: false, classNames: ['meeting-held'] });
    expect(spokenEntry(base)).toBe(', Monday 2 March 2026, planned, at Room 1');
  });

  it('adds one "+N more" entry for each busier day', () => {
    const entry: CalendarEntry = {
      id: 'm9',
      kind: 'core-group',
      title: 'Core group',
      start: '2026-12-01T09:00:00',
      end: '2026-12-01T09:30:00',
      status: 'planned',
      location: 'Room 1',
      movable: true,
    };
    const events = toEvents({
      entries: [entry],
      more: [
        { date: '2026-12-01', count: 2 },
        { date: '2026-12-02', count: 1 },
      ],
      total: 4,
    });
    expect(events.map((e) => e.id)).toEqual(['m9', 'more-2026-12-01', 'more-2026-12-02']);
    expect(events[1]).toMatchObject({ allDay: true, title: '+2 more meetings', editable: false, extendedProps: { moreOn: '2026-12-01', more: 2 } });
    expect(events[2].title).toBe('+1 more meeting');
    expect(toEvents({ entries: [], more: [], total: 0 })).toEqual([]);
  });
});
