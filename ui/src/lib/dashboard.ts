// The dashboard's logic: which items to show, grouped and filtered. Pure, so Vitest covers it.
import type { Area } from '../bindings/Area';
import type { DueItemView } from '../bindings/DueItemView';
import type { Me } from '../bindings/Me';
import type { MeetingId } from '../bindings/MeetingId';
import type { OutcomeToRecord } from '../bindings/OutcomeToRecord';
import { ukDate } from './format';
import { compareCodes, compareText } from './order';

export type Filters = { team: string; rule: string; mine: string | null };

export const ALL = '';

/** Whose items the dashboard shows: the children allocated to me, my team's, or everyone's. */
export type Scope = 'mine' | 'team' | 'all';

/** The scopes "who am I" allows, with their labels: none but everyone's until it is set. */
export function scopeOptions(me: Me | null): { value: Scope; label: string }[] {
  return [
    ...(me ? [{ value: 'mine' as const, label: `My children (${me.person.name})` }] : []),
    ...(me?.team ? [{ value: 'team' as const, label: `My team (${me.team.name})` }] : []),
    { value: 'all', label: 'Everyone' },
  ];
}

/** Where the dashboard opens: my children if any are allocated to me, else my team's (a manager,
 * a chair), else everyone's. */
export function defaultScope(me: Me | null): Scope {
  if (!me) return 'all';
  if (me.allocated > 0) return 'mine';
  return me.team ? 'team' : 'all';
}

/** Whether a due item is in the scope: its child allocated to me, or to someone in my team. */
export function inScope(i: Pick<DueItemView, 'social_worker_id' | 'team_id'>, scope: Scope, me: Me | null): boolean {
  if (scope === 'all' || !me) return true;
  if (scope === 'mine') return i.social_worker_id === me.person.id;
  return !!me.team && i.team_id === me.team.id;
}

/** Which meetings to record the dashboard shows: those on the list of someone in the scope (a
 * child's social worker, or the chair), within the practitioner and team filters. The timescale
 * filter does not apply: a meeting meets several. */
export function outcomesShown(list: OutcomeToRecord[], f: Filters, scope: Scope, me: Me | null): OutcomeToRecord[] {
  return list.filter(
    (o) =>
      (scope === 'all' || !me || (scope === 'mine' ? o.people.some((p) => p.id === me.person.id) : o.teams.some((t) => t.id === me.team?.id))) &&
      (f.team === ALL || o.teams.some((t) => t.name === f.team)) &&
      (f.mine === null || o.people.some((p) => p.name === f.mine)),
  );
}

/** A due item's key in a keyed list: its child, rule and the record it runs from. Two items of
 * one rule can share a child and an anchor date (two visits, or two referrals, on one day), and
 * Svelte refuses to draw a list with a repeated key. */
export function dueKey(i: Pick<DueItemView, 'child' | 'rule' | 'anchor_source'>): string {
  return `${i.child}|${i.rule}|${i.anchor_source.type}:${i.anchor_source.id}`;
}

/** How each group is ordered: child protection first (then referrals, looked-after children,
 * children in need, conferences' papers, anything else), each by deadline; or by deadline alone. A year-old child-in-need
 * review must not bury an initial conference that is late for a child who may be at risk. */
export type Order = 'urgency' | 'deadline';

export const ORDERS: { value: Order; label: string }[] = [
  { value: 'urgency', label: 'Child protection first' },
  { value: 'deadline', label: 'Oldest deadline first' },
];

const AREA_RANK: Record<Area, number> = { 'child-protection': 0, referral: 1, 'looked-after': 2, 'child-in-need': 3, 'conference-papers': 4, other: 5 };

const AREA_TITLE: Record<Area, string> = {
  'child-protection': 'Child protection',
  referral: 'Referral and assessment',
  'looked-after': 'Looked after',
  'child-in-need': 'Child in need',
  'conference-papers': 'Conference papers',
  other: 'Other',
};

/** What an item is about, in words ("Child protection"). */
export function areaTitle(area: Area): string {
  return AREA_TITLE[area];
}

/** What the dashboard lists: overdue, then due soon and not yet in hand, then due soon and booked
 * within timescale (nothing to do but hold the meeting); each in the order chosen. Other statuses
 * are not "what needs doing". An item whose booked day has passed stays due soon: its outcome is
 * still to record. */
/** No meeting: the default set of meetings whose time has passed. */
const NONE: ReadonlySet<MeetingId> = new Set();

export type Needs = { overdue: DueItemView[]; dueSoon: DueItemView[]; booked: DueItemView[] };

export function needsDoing(items: DueItemView[], f: Filters, today: string, order: Order = 'urgency', passed: ReadonlySet<MeetingId> = NONE): Needs {
  const keep = items.filter(
    (i) =>
      (f.team === ALL || i.team === f.team) &&
      (f.rule === ALL || i.rule === f.rule) &&
      (f.mine === null || i.social_worker === f.mine),
  );
  const byDeadline = (a: DueItemView, b: DueItemView) =>
    compareCodes(a.deadline, b.deadline) || compareText(a.child_name, b.child_name);
  const sort = order === 'urgency' ? (a: DueItemView, b: DueItemView) => AREA_RANK[a.area] - AREA_RANK[b.area] || byDeadline(a, b) : byDeadline;
  const soon = keep.filter((i) => i.status === 'due-soon').sort(sort);
  const inTime = (i: DueItemView) => bookingOf(i, today, passed)?.ok === true;
  return {
    overdue: keep.filter((i) => i.status === 'overdue').sort(sort),
    dueSoon: soon.filter((i) => !inTime(i)),
    booked: soon.filter(inTime),
  };
}

export type Group = { key: 'overdue' | 'due-soon' | 'booked'; title: string; none: string; items: DueItemView[] };

/** The dashboard's three groups, in reading order, each with its heading and its empty sentence. */
export function groups(shown: Needs): Group[] {
  return [
    { key: 'overdue', title: `Overdue (${shown.overdue.length})`, none: 'Nothing is overdue for this selection.', items: shown.overdue },
    { key: 'due-soon', title: `Due soon (${shown.dueSoon.length})`, none: shown.booked.length ? 'Everything due soon for this selection is booked within timescale.' : 'Nothing is due soon for this selection.', items: shown.dueSoon },
    {
      key: 'booked',
      title: `Due soon, booked within timescale (${shown.booked.length})`,
      none: 'Nothing due soon is booked yet for this selection.',
      items: shown.booked,
    },
  ];
}

/** Distinct values for a filter's options, sorted. */
export function options(items: DueItemView[], pick: (i: DueItemView) => string | null): string[] {
  return [...new Set(items.map(pick).filter((v): v is string => !!v))].sort(compareText);
}

/** Rule ids with their titles, for the rule filter. A rule whose items are called differently
 * for different children (an unborn baby's initial conference is a pre-birth conference) is
 * offered under each name: "Initial child protection conference / Pre-birth conference". */
export function ruleOptions(items: DueItemView[]): { id: string; title: string }[] {
  const seen = new Map<string, Set<string>>();
  for (const i of items) seen.set(i.rule, (seen.get(i.rule) ?? new Set()).add(i.rule_title));
  return [...seen.entries()].map(([id, titles]) => ({ id, title: [...titles].sort(compareText).join(' / ') })).sort((a, b) => compareText(a.title, b.title));
}

/** An item's summary under a heading that already names its timescale: "Due by Wed 2 Dec 2026
 * (today); booked …" rather than "Initial child protection conference: due by …" again. */
export function summaryUnderTitle(i: Pick<DueItemView, 'summary' | 'rule_title'>): string {
  const prefix = `${i.rule_title}: `;
  if (!i.summary.startsWith(prefix)) return i.summary;
  const rest = i.summary.slice(prefix.length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
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

/** An item's badge: its status in words, but "Due today" (drawn more urgently than "Due soon")
 * for one due today, which the list would otherwise show as it shows one due next week. */
export function dueBadge(i: Pick<DueItemView, 'status' | 'deadline'>, today: string): { label: string; cls: string } {
  if ((i.status === 'due-soon' || i.status === 'upcoming') && i.deadline === today) return { label: 'Due today', cls: 'due-today' };
  return { label: statusLabel(i.status), cls: i.status };
}

/** What is booked to meet an open item, in words ("Booked: Wed 2 Dec 2026, within
 * timescale"), or null when nothing is. A booking inside the deadline puts the item in hand: the
 * dashboard then offers no "Schedule now", which would only book the meeting twice; one after the
 * deadline is offered to be moved earlier, for the same reason, unless it is today's (no earlier
 * day is left). A booked day
 * before `today`, or today's among `passed` (meetings whose time has passed with no outcome), is
 * a meeting whose outcome is not recorded yet (the item stays open until it is): it says so, and
 * `outcome` is that meeting, to record. `ok` is whether that is good news (drawn as met) or needs
 * doing. */
export function bookingOf(
  i: Pick<DueItemView, 'scheduled'>,
  today: string,
  passed: ReadonlySet<MeetingId> = NONE,
): { label: string; inHand: boolean; ok: boolean; outcome: MeetingId | null } | null {
  const s = i.scheduled;
  if (!s) return null;
  const before = compareCodes(s.date, today) < 0;
  if (before || (s.date === today && passed.has(s.meeting))) {
    const late = s.within_deadline ? '' : ', after the deadline';
    const day = before ? ukDate(s.date) : `${ukDate(s.date)} (today)`;
    return { label: `Booked for ${day}${late}: record its outcome`, inHand: true, ok: false, outcome: s.meeting };
  }
  // Today's: said so; one after the deadline has no earlier day left to move to.
  const isToday = s.date === today;
  const day = isToday ? `${ukDate(s.date)} (today)` : ukDate(s.date);
  return s.within_deadline
    ? { label: `Booked: ${day}, within timescale`, inHand: true, ok: true, outcome: null }
    : { label: `Booked: ${day}, after the deadline`, inHand: isToday, ok: false, outcome: null };
}
