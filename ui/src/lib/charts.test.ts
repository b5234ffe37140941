import { describe, expect, it } from 'vitest';
import type { KpiPoint } from '../bindings/KpiPoint';
import { caseloadSeries, pointLabel, series, summary } from './charts';

const wholeMonth = (label: string) => ({ from: `${label}-01`, to: `${label}-${label.endsWith('-02') ? 28 : 31}` });
const p = (kpi: string, label: string, numerator: number, denominator: number): KpiPoint => ({
  kpi,
  label,
  ...wholeMonth(label),
  numerator,
  denominator,
  percent: denominator ? Math.round((1000 * numerator) / denominator) / 10 : null,
});

describe('charts', () => {
  it('names months the UK way, and says when one was counted in part', () => {
    const team = { label: 'Referral and Assessment Team', from: '2025-12-03', to: '2026-12-02' };
    expect(pointLabel({ label: '2026-01', from: '2026-01-01', to: '2026-01-31' })).toBe('Jan 2026');
    expect(pointLabel({ label: '2026-11', from: '2026-11-01', to: '2026-11-30' }, '2026-12-02')).toBe('Nov 2026');
    expect(pointLabel({ label: '2024-02', from: '2024-02-01', to: '2024-02-29' })).toBe('Feb 2024');
    // The month not over yet says so.
    expect(pointLabel({ label: '2026-12', from: '2026-12-01', to: '2026-12-02' }, '2026-12-02')).toBe('Dec 2026 (to date)');
    // The 12 months start part way through their first month: its days are named.
    expect(pointLabel({ label: '2025-12', from: '2025-12-03', to: '2025-12-31' }, '2026-12-02')).toBe('3–31 Dec 2025');
    expect(pointLabel({ label: '2026-02', from: '2026-02-01', to: '2026-02-27' }, '2026-12-02')).toBe('1–27 Feb 2026');
    expect(pointLabel({ label: '2026-03', from: '2026-03-31', to: '2026-03-31' })).toBe('31 Mar 2026');
    expect(pointLabel(team, '2026-12-02')).toBe('Referral and Assessment Team');
    expect(pointLabel(team)).toBe('Referral and Assessment Team');
  });

  it('picks one KPI, keeping gaps where nothing was due', () => {
    const s = series([p('a', '2026-01', 1, 2), p('b', '2026-01', 3, 3), p('a', '2026-02', 0, 0), p('a', '2026-03', 3, 4)], 'a');
    expect(s.labels).toEqual(['Jan 2026', 'Feb 2026', 'Mar 2026']);
    expect(s.values).toEqual([50, null, 75]);
    expect(s.counts).toEqual(['1 of 2', '0 of 0', '3 of 4']);
  });

  it('sums a chart up in a sentence', () => {
    const s = series([p('a', '2026-01', 1, 2), p('a', '2026-02', 0, 0), p('a', '2026-03', 3, 4)], 'a');
    expect(summary('ICPCs in time', s)).toBe('ICPCs in time: from 50.0% to 75.0%; Mar 2026: 75.0%.');
    expect(summary('X', series([], 'a'))).toBe('X: nothing to count in this period.');
  });

  it('follows one practitioner\'s caseload day by day', () => {
    const snap = (date: string, person: string, children: number) => ({ date, person, children, cp: 1, cin: children - 1, lac: 0 });
    const s = caseloadSeries([snap('2026-11-25', 'p', 16), snap('2026-11-24', 'p', 15), snap('2026-11-24', 'q', 3)], 'p', (d) => d.slice(5));
    expect(s.labels).toEqual(['11-24', '11-25']);
    expect(s.values).toEqual([15, 16]);
    expect(s.counts[1]).toBe('CP 1, CIN 15, LAC 0');
    expect(summary('Children allocated', s, false)).toBe('Children allocated: from 15 to 16; 11-25: 16.');
  });
});
