// Which meeting the "Schedule a meeting" form offers first when nothing asked for one: what the
// child's timescales say to book next, else the usual meeting of the plan they are on. A core
// group for every child would put a child protection meeting in front of a child in need.
import type { ChildDetail } from '../bindings/ChildDetail';
import type { DueItemView } from '../bindings/DueItemView';
import type { EpisodeType } from '../bindings/EpisodeType';
import type { MeetingKind } from '../bindings/MeetingKind';
import { compareCodes } from './order';

// Open statuses, most urgent first; the others (met, missed, closed) need no meeting booked.
const OPEN: DueItemView['status'][] = ['overdue', 'due-soon', 'upcoming'];
const urgency = (i: DueItemView) => OPEN.indexOf(i.status);

// A plan's usual meeting, the most serious plan first (a child can be looked after and on a
// child protection plan at once).
const episodeMeetings: [EpisodeType, MeetingKind][] = [
  ['child-protection', 'core-group'],
  ['looked-after', 'lac-review'],
  ['child-in-need', 'cin-review'],
];

/** The kind to pre-select: that of the most urgent open item with a meeting still to book (one
 * already planned has its meeting), else the open episode's usual one, else a strategy
 * discussion. Only a kind the form offers is chosen. */
export function defaultMeetingKind(child: Pick<ChildDetail, 'items' | 'episodes' | 'meeting_kinds'>): MeetingKind {
  const offered = (k: MeetingKind | null): k is MeetingKind => k !== null && child.meeting_kinds.some((m) => m.kind === k);
  const next = child.items
    .filter((i) => urgency(i) >= 0 && i.scheduled === null && offered(i.schedule_kind))
    .sort((a, b) => urgency(a) - urgency(b) || compareCodes(a.deadline, b.deadline))[0];
  if (next?.schedule_kind) return next.schedule_kind;
  const open = child.episodes.filter((e) => e.end === null);
  const usual = episodeMeetings.find(([type, kind]) => offered(kind) && open.some((e) => e.kind === type));
  return usual ? usual[1] : 'strategy-discussion';
}

/** The suggested times' reasons, with what every time shares said once: "Everyone required can
 * attend.", "Online." five times over buries the one line that differs (when the reports fall
 * due). With one time, nothing is shared. */
export function splitReasons(slots: { reasons: string[] }[]): { common: string[]; own: string[][] } {
  const common = slots.length < 2 ? [] : slots[0].reasons.filter((r) => slots.every((s) => s.reasons.includes(r)));
  return { common, own: slots.map((s) => s.reasons.filter((r) => !common.includes(r))) };
}
