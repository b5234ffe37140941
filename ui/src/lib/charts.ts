// Chart data from KPI points: one series per chart, labels a reader can read aloud, and the
// same numbers as a table (the accessible alternative to the picture).
import type { CaseloadSnapshot } from '../bindings/CaseloadSnapshot';
import type { KpiPoint } from '../bindings/KpiPoint';
import { compareCodes } from './order';

export interface Series {
  labels: string[];
  /** Percentages; null where there was nothing to count. */
  values: (number | null)[];
  /** "3 of 4" for each point. */
  counts: string[];
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-01" → "Jan 2026"; anything else unchanged. The month of `today` (YYYY-MM-DD) is not over:
 * "Dec 2026 (to date)", so two days of it are not read as a month. */
export function monthLabel(label: string, today?: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(label);
  if (!m) return label;
  const n = Number(m[2]);
  if (n < 1 || n > 12) return label;
  return `${months[n - 1]} ${m[1]}${today?.slice(0, 7) === label ? ' (to date)' : ''}`;
}

export function series(points: KpiPoint[], kpi: string, today?: string): Series {
  const mine = points.filter((p) => p.kpi === kpi);
  return {
    labels: mine.map((p) => monthLabel(p.label, today)),
    values: mine.map((p) => p.percent),
    counts: mine.map((p) => `${p.numerator} of ${p.denominator}`),
  };
}

/** A value as shown: "75.0%" for percentages, "12" for counts. */
export function shown(v: number | null, percent: boolean): string {
  if (v === null) return '—';
  return percent ? `${v.toFixed(1)}%` : String(v);
}

/** One sentence for a screen reader: range and latest figure. */
export function summary(title: string, s: Series, percent = true): string {
  const known = s.values.map((v, i) => [v, i] as const).filter(([v]) => v !== null) as [number, number][];
  if (known.length === 0) return `${title}: nothing to count in this period.`;
  const lo = Math.min(...known.map(([v]) => v));
  const hi = Math.max(...known.map(([v]) => v));
  const [last, at] = known[known.length - 1];
  return `${title}: from ${shown(lo, percent)} to ${shown(hi, percent)}; ${s.labels[at]}: ${shown(last, percent)}.`;
}

/** A practitioner's caseload day by day from the kept snapshots, oldest first. */
export function caseloadSeries(snapshots: CaseloadSnapshot[], person: string, label: (date: string) => string): Series {
  const mine = snapshots.filter((s) => s.person === person).sort((a, b) => compareCodes(a.date, b.date));
  return {
    labels: mine.map((s) => label(s.date)),
    values: mine.map((s) => s.children),
    counts: mine.map((s) => `CP ${s.cp}, CIN ${s.cin}, LAC ${s.lac}`),
  };
}
