// The dashboard's logic: which items to show, grouped and filtered. Pure, so Vitest covers it.
import type { DueItemView } from '../bindings/DueItemView';
import { ukDate } from './format';
import { compareCodes, compareText } from './order';

export type Filters = { team: string; rule: string; mine: string | null };

export const ALL = '';

/** Overdue first, then due soon; each by deadline. Other statuses are not "what needs doing". */
/** A due item's key in a keyed list: its child, rule and the record it runs from. Two items of
 * one rule can share a child and an anchor date (two visits, or two referrals, on one day), and
 * Svelte refuses to draw a list with a repeated key. */
export function dueKey(i: Pick<DueItemView, 'child' | 'rule' | 'anchor_source'>): string {
  return `${i.child}|${i.rule}|${i.anchor_source.type}:${i.anchor_source.id}`;
}

export function needsDoing(items: DueItemView[], f: Filters): { overdue: DueItemView[]; dueSoon: DueItemView[] } {
  const keep = items.filter(
    (i) =>
      (f.team === ALL || i.team === f.team) &&
      (f.rule === ALL || i.rule === f.rule) &&
      (f.mine === null || i.social_worker === f.mine),
  );
  const byDeadline = (a: DueItemView, b: DueItemView) =>
    compareCodes(a.deadline, b.deadline) || compareText(a.child_name, b.child_name);
  return {
    overdue: keep.filter((i) => i.status === 'overdue').sort(byDeadline),
    dueSoon: keep.filter((i) => i.status === 'due-soon').sort(byDeadline),
  };
}

export type Group = { key: 'overdue' | 'due-soon'; title: string; none: string; items: DueItemView[] };

/** The dashboard's two groups, in reading order, each with its heading and its empty sentence. */
export function groups(shown: { overdue: DueItemView[]; dueSoon: DueItemView[] }): Group[] {
  return [
    { key: 'overdue', title: `Overdue (${shown.overdue.length})`, none: 'Nothing is overdue for this selection.', items: shown.overdue },
    { key: 'due-soon', title: `Due soon (${shown.dueSoon.length})`, none: 'Nothing is due soon for this selection.', items: shown.dueSoon },
  ];
}

/** Distinct values for a filter's options, sorted. */
export function options(items: DueItemView[], pick: (i: DueItemView) => string | null): string[] {
  return [...new Set(items.map(pick).filter((v): v is string => !!v))].sort(compareText);
}

/** Rule ids with their titles, for the rule filter. */
export function ruleOptions(items: DueItemView[]): { id: string; title: string }[] {
  const seen = new Map<string, string>();
  for (const i of items) seen.set(i.rule, i.rule_title);
  return [...seen.entries()].map(([id, title]) => ({ id, title })).sort((a, b) => compareText(a.title, b.title));
}

/** Words for a status, so colour is never the only signal. */
export function statusLabel(status: DueItemView['status']): string {
  return {
    overdue: 'Overdue',
    'due-soon': 'Due soon',
    upcoming: 'Upcoming',
    missed: 'Missed',
    'met-late': 'Met late',
    met: 'Met',
    closed: 'Closed',
  }[status];
}

/** What is booked to meet an open item, in words ("Booked: Wed 2 Dec 2026, within
 * timescale"), or null when nothing is. A booking inside the deadline puts the item in hand: the
 * dashboard then offers no "Schedule now", which would only book the meeting twice. A booked day
 * before `today` is a meeting whose outcome is not recorded yet (the item stays open until it
 * is): it says so. `ok` is whether that is good news (drawn as met) or needs doing. */
export function bookingOf(i: Pick<DueItemView, 'scheduled'>, today: string): { label: string; inHand: boolean; ok: boolean } | null {
  const s = i.scheduled;
  if (!s) return null;
  if (compareCodes(s.date, today) < 0) return { label: `Booked for ${ukDate(s.date)}: record its outcome`, inHand: true, ok: false };
  return s.within_deadline
    ? { label: `Booked: ${ukDate(s.date)}, within timescale`, inHand: true, ok: true }
    : { label: `Booked: ${ukDate(s.date)}, after the deadline`, inHand: false, ok: false };
}
