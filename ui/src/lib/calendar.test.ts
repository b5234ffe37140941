import { describe, expect, it, vi } from 'vitest';
import { addMonths, byDay, meetingBadge, monthLines, dayHeading, entryStatus, monthWeeks, movedToDay, periodTitle, spokenDay, spokenEntry, entryWhen, toEvents, fetchRange, filterFrom, filterValue, toEvent, ukNow, wallClock, ymd } from './calendar';
import { ukToday } from './format';
import type { CalendarEntry } from '../bindings/CalendarEntry';

describe('calendar', () => {
  it('reads the wall clock from local fields, whatever the machine zone', () => {
    const d = new Date(2026, 2, 29, 9, 5); // Sun 29 Mar 2026, the day the clocks go forward
    expect(wallClock(d)).toBe('2026-03-29T09:05');
    expect(ymd(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
  });

  it("takes today and now from the UK clock, whatever the machine's zone", () => {
    try {
      for (const tz of ['UTC', 'America/New_York', 'Asia/Tokyo', 'Europe/London']) {
        vi.stubEnv('TZ', tz);
        // 23:30 UTC on 1 June 2026 is 00:30 on 2 June in British Summer Time.
        const summer = Date.UTC(2026, 5, 1, 23, 30);
        expect(ukToday(summer)).toBe('2026-06-02');
        expect(wallClock(ukNow(summer))).toBe('2026-06-02T00:30');
        // 23:30 UTC on 1 December is 23:30 in the UK, still the 1st.
        const winter = Date.UTC(2026, 11, 1, 23, 30);
        expect(ukToday(winter)).toBe('2026-12-01');
        expect(wallClock(ukNow(winter))).toBe('2026-12-01T23:30');
        // The hour the clocks go back, seen twice on the wall: 01:30 BST, then 01:30 GMT.
        expect(wallClock(ukNow(Date.UTC(2026, 9, 25, 0, 30)))).toBe('2026-10-25T01:30');
        expect(wallClock(ukNow(Date.UTC(2026, 9, 25, 1, 30)))).toBe('2026-10-25T01:30');
      }
    } finally {
      vi.unstubAllEnvs();
    }
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
    expect(dayHeading(new Date(2026, 8, 7), '2026-09-08')).toBe('Mon 7 Sep');
    expect(dayHeading(new Date(2026, 8, 8), '2026-09-08')).toBe('Tue 8 Sep, today');
  });

  it('lets only planned meetings be dragged', () => {
    const base: CalendarEntry = {
      id: 'm1',
      kind: 'core-group',
      title: 'Core group: Ava Smith',
      label: 'Ava Smith · Core group',
      start: '2026-03-02T10:00:00',
      end: '2026-03-02T11:00:00',
      status: 'planned',
      location: 'Room 1',
      movable: true,
    };
    expect(toEvent(base)).toMatchObject({ editable: true, startEditable: true, durationEditable: false, classNames: ['meeting-planned'] });
    expect(toEvent({ ...base, status: 'held', movable: false })).toMatchObject({ editable: false, classNames: ['meeting-held'] });
    expect(spokenEntry(base)).toBe(', Monday 2 March 2026, planned, at Room 1');
    // Ended and still planned: its outcome is to record, drawn and read so.
    expect(entryStatus(base, '2026-03-02T10:59')).toBe('planned');
    expect(entryStatus(base, '2026-03-02T11:00')).toBe('unrecorded');
    expect(entryStatus({ ...base, status: 'held' }, '2026-03-09T09:00')).toBe('held');
    expect(toEvent(base, '2026-03-03T09:00').classNames).toEqual(['meeting-unrecorded']);
    expect(toEvent(base, '2026-03-01T09:00').classNames).toEqual(['meeting-planned']);
    expect(spokenEntry(base, '2026-03-03T09:00')).toBe(', Monday 2 March 2026, outcome to record, at Room 1');
  });


  it("says an entry's day and times as the rest of the app does, on the UK wall clock it is in", () => {
    expect(entryWhen({ start: '2026-12-01T10:00:00', end: '2026-12-01T12:00:00' })).toBe('Tue 1 Dec 2026, 10:00–12:00');
    // Summer time: the wall clock is shown as it is, not shifted by the machine's zone.
    expect(entryWhen({ start: '2026-03-29T09:30:00', end: '2026-03-29T10:15:00' })).toBe('Sun 29 Mar 2026, 09:30–10:15');
  });

  it('adds one "+N more" entry for each busier day', () => {
    const entry: CalendarEntry = {
      id: 'm9',
      kind: 'core-group',
      title: 'Core group',
      label: 'Core group',
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
      abbreviations: [],
    });
    expect(events.map((e) => e.id)).toEqual(['m9', 'more-2026-12-01', 'more-2026-12-02']);
    expect(events[1]).toMatchObject({ allDay: true, title: '+2 more meetings', editable: false, extendedProps: { moreOn: '2026-12-01', more: 2 } });
    expect(events[2].title).toBe('+1 more meeting');
    expect(toEvents({ entries: [], more: [], total: 0, abbreviations: [] })).toEqual([]);
  });

  it('lays a month out in whole Monday-first weeks', () => {
    // November 2026 starts on a Sunday and ends on a Monday: six rows.
    const nov = monthWeeks(new Date(2026, 10, 25));
    expect(nov.length).toBe(6);
    expect(nov[0][0]).toBe('2026-10-26');
    expect(nov[0][6]).toBe('2026-11-01');
    expect(nov[5]).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    // February 2027 starts on a Monday and has 28 days: exactly four rows.
    const feb = monthWeeks(new Date(2027, 1, 14));
    expect(feb.map((w) => [w[0], w[6]])).toEqual([
      ['2027-02-01', '2027-02-07'],
      ['2027-02-08', '2027-02-14'],
      ['2027-02-15', '2027-02-21'],
      ['2027-02-22', '2027-02-28'],
    ]);
    // Across the clocks going forward (29 March 2026) every day is still there, once.
    const march = monthWeeks(new Date(2026, 2, 1)).flat();
    expect(new Set(march).size).toBe(march.length);
    expect(march).toContain('2026-03-29');
    expect(march).toContain('2026-03-30');
    for (const w of monthWeeks(new Date(2026, 2, 1))) expect(w.length).toBe(7);
  });

  it('moves the month view a month at a time', () => {
    expect(ymd(addMonths(new Date(2026, 0, 31), 1))).toBe('2026-02-01');
    expect(ymd(addMonths(new Date(2026, 11, 15), 1))).toBe('2027-01-01');
    expect(ymd(addMonths(new Date(2026, 0, 15), -1))).toBe('2025-12-01');
  });

  it('groups a page by day, and moves a dropped meeting to the same time on its new day', () => {
    const e = (id: string, start: string): CalendarEntry => ({ id, kind: 'core-group', title: id, label: id, start, end: start, status: 'planned', location: 'Room 1', movable: true });
    const days = byDay({
      entries: [e('a', '2026-12-01T09:00:00'), e('b', '2026-12-01T10:00:00'), e('c', '2026-12-03T09:00:00')],
      more: [{ date: '2026-12-01', count: 5 }],
      total: 8,
      abbreviations: [],
    });
    expect(days.get('2026-12-01')).toEqual({ entries: [expect.objectContaining({ id: 'a' }), expect.objectContaining({ id: 'b' })], more: 5 });
    expect(days.get('2026-12-03')?.more).toBe(0);
    expect(days.get('2026-12-02')).toBeUndefined();
    expect(movedToDay(e('a', '2026-12-01T09:30:00'), '2026-12-04')).toBe('2026-12-04T09:30');
    expect(movedToDay(e('a', '2026-12-01T09:30:00'), '2026-12-01')).toBeNull();
    expect(spokenDay('2026-12-01', 7)).toBe('Tuesday 1 December 2026, 7 meetings');
    expect(spokenDay('2026-12-02', 1)).toBe('Wednesday 2 December 2026, 1 meeting');
    expect(spokenDay('2026-12-05', 0)).toBe('Saturday 5 December 2026, no meetings');
  });
});

describe('monthLines', () => {
  it('splits a month entry into its kind and whose meeting it is', () => {
    expect(monthLines('ICPC · Maya Dunmore')).toEqual({ kind: 'ICPC', who: 'Maya Dunmore' });
    expect(monthLines('RCPC · A.B., C.B.')).toEqual({ kind: 'RCPC', who: 'A.B., C.B.' });
    expect(monthLines('Professionals')).toEqual({ kind: 'Professionals', who: '' });
  });
});

describe('meetingBadge', () => {
  it('says a planned meeting whose end has passed has its outcome to record', () => {
    expect(meetingBadge('planned', '2026-12-02T10:30:00+00:00', '2026-12-02T10:30')).toEqual({ label: 'Outcome to record', cls: 'unrecorded' });
    expect(meetingBadge('planned', '2026-12-02T10:30:00+00:00', '2026-12-02T10:29')).toEqual({ label: 'Planned', cls: 'planned' });
    // On the UK clock: 10:30 BST is 09:30 UTC.
    expect(meetingBadge('planned', '2026-06-02T09:30:00Z', '2026-06-02T10:15').label).toBe('Planned');
    expect(meetingBadge('held', '2026-12-01T10:30:00+00:00', '2026-12-02T10:30')).toEqual({ label: 'Held', cls: 'held' });
    expect(meetingBadge('cancelled', '2026-12-01T10:30:00+00:00', '2026-12-02T10:30')).toEqual({ label: 'Cancelled', cls: 'cancelled' });
  });
});
