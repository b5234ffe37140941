import { describe, expect, it } from 'vitest';
import { ukOffsetMinutes, meetingParts, meetingStatusLabel, meetingWhen, ukDate, ukDateOf, ukLongDate, ukTime, ukWallTime, ukDateTime, progressText, savedPdfNotice, ukMonthShort } from './format';

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
    // September is "Sep", as chrono writes it in agendas, PDFs and the CLI (ICU now says "Sept").
    expect(ukDate('2026-09-25')).toBe('Fri 25 Sep 2026');
    expect(meetingWhen('2026-09-01T10:00:00+01:00', '2026-09-01T11:00:00+01:00')).toBe('Tue 1 Sep 2026, 10:00–11:00');
    // In winter the UK is on UTC: 23:30 UTC on 31 Dec is still 31 Dec.
    expect(ukDateOf('2026-12-31T23:30:00Z')).toBe('2026-12-31');
    // In summer, 23:30 UTC is 00:30 the next day in the UK.
    expect(ukDateOf('2026-06-30T23:30:00Z')).toBe('2026-07-01');
  });
});

import { busyWhen } from './format';

describe('a moment on the UK clock', () => {
  it('says a UTC instant in UK time, in summer and in winter', () => {
    // A change recorded at 09:15 UTC in May happened at 10:15 in the UK.
    expect(ukDateTime('2026-05-12T09:15:30.123Z')).toBe('Tue 12 May 2026, 10:15');
    expect(ukDateTime('2026-12-01T09:15:00Z')).toBe('Tue 1 Dec 2026, 09:15');
    // 23:30 UTC on 31 May is already 1 June in the UK.
    expect(ukDateTime('2026-05-31T23:30:00Z')).toBe('Mon 1 Jun 2026, 00:30');
  });
});

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

describe('the days the clocks change', () => {
  // Sunday 29 March 2026: 01:00 GMT becomes 02:00 BST.
  it('shows BST from 01:00 UTC on 29 March 2026', () => {
    expect(ukTime('2026-03-29T00:30:00Z')).toBe('00:30');
    expect(ukTime('2026-03-29T01:30:00Z')).toBe('02:30');
    expect(meetingWhen('2026-03-29T10:00:00+01:00', '2026-03-29T11:30:00+01:00')).toBe('Sun 29 Mar 2026, 10:00–11:30');
    // Across the change: 90 minutes long, though the wall clock reads 00:30–03:00.
    expect(meetingWhen('2026-03-29T00:30:00+00:00', '2026-03-29T03:00:00+01:00')).toBe('Sun 29 Mar 2026, 00:30–03:00');
  });

  // Sunday 25 October 2026: 02:00 BST becomes 01:00 GMT, so 01:xx happens twice.
  it('shows GMT from 01:00 UTC on 25 October 2026', () => {
    expect(ukTime('2026-10-25T00:30:00Z')).toBe('01:30');
    expect(ukTime('2026-10-25T01:30:00Z')).toBe('01:30');
    expect(meetingWhen('2026-10-25T10:00:00+00:00', '2026-10-25T11:30:00+00:00')).toBe('Sun 25 Oct 2026, 10:00–11:30');
    expect(ukDateOf('2026-10-24T23:30:00Z')).toBe('2026-10-25');
    expect(ukDateOf('2026-10-25T23:30:00Z')).toBe('2026-10-25');
  });

  it('keeps the same wall time for a weekly meeting either side of each change', () => {
    const weekly = [
      ['2026-03-23T09:30:00+00:00', '2026-03-23T10:30:00+00:00', 'Mon 23 Mar 2026, 09:30–10:30'],
      ['2026-03-30T09:30:00+01:00', '2026-03-30T10:30:00+01:00', 'Mon 30 Mar 2026, 09:30–10:30'],
      ['2026-10-19T09:30:00+01:00', '2026-10-19T10:30:00+01:00', 'Mon 19 Oct 2026, 09:30–10:30'],
      ['2026-10-26T09:30:00+00:00', '2026-10-26T10:30:00+00:00', 'Mon 26 Oct 2026, 09:30–10:30'],
    ];
    for (const [start, end, shown] of weekly) expect(meetingWhen(start, end)).toBe(shown);
  });
});

describe('meeting rows', () => {
  it('splits a meeting into its day and its times', () => {
    expect(meetingParts('2026-05-12T10:00:00+01:00', '2026-05-12T11:30:00+01:00')).toEqual({
      day: 'Tue 12 May 2026',
      times: '10:00–11:30',
    });
  });
  it('names statuses in words', () => {
    expect(meetingStatusLabel('planned')).toBe('Planned');
    expect(meetingStatusLabel('cancelled')).toBe('Cancelled');
    expect(meetingStatusLabel('something-new')).toBe('something-new');
  });

  it('says which step of long work is running, and when it is done', () => {
    expect(progressText({ step: 2, steps: 4, label: 'Writing 60 children' })).toBe('Step 2 of 4: Writing 60 children…');
    expect(progressText({ step: 4, steps: 4, label: 'Done' })).toBe('Done.');
  });
});

describe('UK time without Intl', () => {
  // ICU's Europe/London, which the app's window no longer loads, is the reference here.
  const icu = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const icuWall = (ms: number) => {
    const p = Object.fromEntries(icu.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
  };

  it('agrees with ICU every hour and at each quarter hour around the changes, 2018 to 2030', () => {
    const mismatches: string[] = [];
    const check = (ms: number) => {
      const instant = new Date(ms).toISOString();
      if (ukWallTime(instant) !== icuWall(ms)) mismatches.push(`${instant}: ${ukWallTime(instant)} vs ${icuWall(ms)}`);
    };
    for (let ms = Date.UTC(2018, 0, 1); ms < Date.UTC(2031, 0, 1); ms += 3_600_000) check(ms);
    for (let year = 2018; year <= 2030; year++) {
      for (const month of [2, 9]) {
        for (let day = 24; day <= 31; day++) {
          for (let q = 0; q < 96; q++) check(Date.UTC(year, month, day) + q * 900_000);
        }
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('knows the 2026 and 2027 changes to the minute', () => {
    // Clocks went forward at 01:00 UTC on Sun 29 Mar 2026 and go back at 01:00 UTC on Sun 25 Oct 2026.
    expect(ukOffsetMinutes(Date.UTC(2026, 2, 29, 0, 59))).toBe(0);
    expect(ukOffsetMinutes(Date.UTC(2026, 2, 29, 1, 0))).toBe(60);
    expect(ukOffsetMinutes(Date.UTC(2026, 9, 25, 0, 59))).toBe(60);
    expect(ukOffsetMinutes(Date.UTC(2026, 9, 25, 1, 0))).toBe(0);
    expect(ukOffsetMinutes(Date.UTC(2027, 2, 28, 1, 0))).toBe(60);
    expect(ukOffsetMinutes(Date.UTC(2027, 9, 31, 1, 0))).toBe(0);
  });

  it('reads the offset an instant is written with', () => {
    // The same instant written three ways is the same UK wall time.
    for (const s of ['2026-07-01T09:15:00+01:00', '2026-07-01T08:15:00Z', '2026-07-01T10:15:00+02:00']) {
      expect(ukWallTime(s)).toBe('2026-07-01T09:15');
    }
  });

  it('refuses a string that is not an instant, as Intl did', () => {
    expect(() => ukTime('not a time')).toThrow(RangeError);
  });

  it('says which letters an agenda PDF could not show, and what to do', () => {
    expect(savedPdfNotice({ path: '/tmp/a.pdf', unprintable: '' })).toBe('Saved the agenda as /tmp/a.pdf.');
    const warned = savedPdfNotice({ path: '/tmp/a.pdf', unprintable: 'م ب' });
    expect(warned).toContain('no letters for م ب');
    expect(warned).toContain('Print…');
  });
});

describe('a month grid day outside its month', () => {
  it('names the month in short', () => {
    expect(ukMonthShort('2026-10-26')).toBe('Oct');
    expect(ukMonthShort('2027-01-01')).toBe('Jan');
    expect(ukMonthShort('2026-09-30')).toBe('Sep');
  });
});
