import { describe, expect, it } from 'vitest';
import { draftOf, rowsOf } from './patterns';

describe('working patterns', () => {
  it('shows every day of the week and sends back only the days worked', () => {
    const rows = rowsOf({
      person: 'p1',
      days: [
        { weekday: 4, start: '09:30', end: '13:00' },
        { weekday: 1, start: '08:00', end: '16:00' },
      ],
    });
    expect(rows.map((r) => [r.name, r.works, r.start, r.end])).toEqual([
      ['Monday', true, '08:00', '16:00'],
      ['Tuesday', false, '09:00', '17:00'],
      ['Wednesday', false, '09:00', '17:00'],
      ['Thursday', true, '09:30', '13:00'],
      ['Friday', false, '09:00', '17:00'],
      ['Saturday', false, '09:00', '17:00'],
      ['Sunday', false, '09:00', '17:00'],
    ]);
    rows[1].works = true;
    rows[3].works = false;
    expect(draftOf('p1', rows)).toEqual({
      person: 'p1',
      days: [
        { weekday: 1, start: '08:00', end: '16:00' },
        { weekday: 2, start: '09:00', end: '17:00' },
      ],
    });
    expect(draftOf('p1', rowsOf({ person: 'p1', days: [] }))).toEqual({ person: 'p1', days: [] });
  });
});
