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

/** A point's label as read: a team's name as it is; a month "Jan 2026" when it was counted
 * whole. A month cut short says so, so two days of it are not read as a month: the month not
 * over yet is "Dec 2026 (to date)" (its last day counted is `today`, YYYY-MM-DD), and any other
 * part of a month names its days, "3–31 Dec 2025". */
export function pointLabel(p: Pick<KpiPoint, 'label' | 'from' | 'to'>, today?: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(p.label);
  if (!m) return p.label;
  const n = Number(m[2]);
  if (n < 1 || n > 12) return p.label;
  const month = `${months[n - 1]} ${m[1]}`;
  const days = new Date(Date.UTC(Number(m[1]), n, 0)).getUTCDate();
  const first = Number(p.from.slice(8, 10));
  const last = Number(p.to.slice(8, 10));
  if (first === 1 && last === days) return month;
  if (first === 1 && p.to === today) return `${month} (to date)`;
  return first === last ? `${first} ${month}` : `${first}–${last} ${month}`;
}

export function series(points: KpiPoint[], kpi: string, today?: string): Series {
  const mine = points.filter((p) => p.kpi === kpi);
  return {
    labels: mine.map((p) => pointLabel(p, today)),
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
