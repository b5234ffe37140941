import { describe, expect, it } from 'vitest';
import { leavingLabel, offered, worksOn } from './people';

const p = (id: string, last_day: string | null) => ({ id, last_day });

describe('people who are leaving', () => {
  it('still work up to and on their last day, not after it', () => {
    expect(worksOn(p('a', null), '2026-12-01')).toBe(true);
    expect(worksOn(p('a', '2026-12-18'), '2026-12-17')).toBe(true);
    expect(worksOn(p('a', '2026-12-18'), '2026-12-18')).toBe(true);
    expect(worksOn(p('a', '2026-12-18'), '2026-12-19')).toBe(false);
  });

  it('are offered while working, and after only where already chosen', () => {
    const people = [p('a', null), p('b', '2026-11-30'), p('c', '2026-12-18'), p('d', '2026-11-02')];
    expect(offered(people, '2026-12-01').map((x) => x.id)).toEqual(['a', 'c']);
    expect(offered(people, '2026-12-01', ['d', null]).map((x) => x.id)).toEqual(['a', 'c', 'd']);
  });

  it('are said to be leaving until their last day has passed', () => {
    expect(leavingLabel('2026-12-18', '2026-12-01')).toBe('Leaving: last working day Friday 18 December 2026');
    expect(leavingLabel('2026-12-18', '2026-12-18')).toBe('Leaving: last working day Friday 18 December 2026');
    expect(leavingLabel('2026-11-30', '2026-12-01')).toBe('Left: last working day Monday 30 November 2026');
  });
});
