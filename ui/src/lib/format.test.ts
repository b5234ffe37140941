import { describe, expect, it } from 'vitest';
import { meetingWhen, ukDate, ukDateOf, ukLongDate, ukWallTime } from './format';

describe('UK formatting', () => {
  it('formats a meeting in summer time', () => {
    expect(meetingWhen('2026-05-12T10:00:00+01:00', '2026-05-12T11:30:00+01:00')).toBe(
      'Tue 12 May 2026, 10:00–11:30',
    );
  });

  it('keeps local times either side of the October clock change', () => {
    // Friday before: BST; Monday after: GMT. Both 09:30 on the wall.
    expect(meetingWhen('2026-10-23T09:30:00+01:00', '2026-10-23T10:30:00+01:00')).toBe(
      'Fri 23 Oct 2026, 09:30–10:30',
    );
    expect(meetingWhen('2026-10-26T09:30:00+00:00', '2026-10-26T10:30:00+00:00')).toBe(
      'Mon 26 Oct 2026, 09:30–10:30',
    );
  });

  it('handles the March change and instants given in UTC', () => {
    expect(meetingWhen('2026-03-30T08:00:00Z', '2026-03-30T09:00:00Z')).toBe(
      'Mon 30 Mar 2026, 09:00–10:00',
    );
    expect(ukWallTime('2026-03-27T09:00:00+00:00')).toBe('2026-03-27T09:00');
  });

  it('formats calendar dates without shifting them', () => {
    expect(ukDate('2025-05-12')).toBe('Mon 12 May 2025');
    expect(ukLongDate('2026-12-25')).toBe('Friday 25 December 2026');
    // 23:30 UTC on 31 Dec is already 1 Jan? No: in winter the UK is on UTC.
    expect(ukDateOf('2026-12-31T23:30:00Z')).toBe('2026-12-31');
    // In summer, 23:30 UTC is 00:30 the next day in the UK.
    expect(ukDateOf('2026-06-30T23:30:00Z')).toBe('2026-07-01');
  });
});

import { busyWhen } from './format';

describe('busy time', () => {
  it('shows whole days of leave with an inclusive last day', () => {
    expect(busyWhen('2027-02-01T00:00:00+00:00', '2027-02-06T00:00:00+00:00')).toBe('Mon 1 Feb 2027 to Fri 5 Feb 2027');
    expect(busyWhen('2026-07-01T00:00:00+01:00', '2026-07-02T00:00:00+01:00')).toBe('Wed 1 Jul 2026');
  });
  it('shows times on one day, or across days', () => {
    expect(busyWhen('2026-07-01T09:00:00+01:00', '2026-07-01T12:30:00+01:00')).toBe('Wed 1 Jul 2026, 09:00–12:30');
    expect(busyWhen('2026-07-01T09:00:00+01:00', '2026-07-02T12:30:00+01:00')).toBe('Wed 1 Jul 2026 09:00 to Thu 2 Jul 2026 12:30');
  });
});
