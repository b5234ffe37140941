// The child timeline: events, meetings and deadlines merged in date order.
import type { ChildDetail } from '../bindings/ChildDetail';
import type { DueItemView } from '../bindings/DueItemView';
import type { MeetingSummary } from '../bindings/MeetingSummary';
import type { EventView } from '../bindings/EventView';
import type { EventKind } from '../bindings/EventKind';
import { dueKey } from './dashboard';
import { ukDateOf } from './format';
import { compareCodes } from './order';

export type Entry = {
  key: string;
  date: string;
  kind: 'event' | 'meeting' | 'deadline' | 'today';
  label: string;
  event?: EventView;
  meeting?: MeetingSummary;
  item?: DueItemView;
};

const order = { today: -1, event: 0, meeting: 1, deadline: 2 } as const;
/** What a meeting decides or leads to: on the meeting's own day it comes after the meeting (an
 * enquiry agreed at the strategy discussion, minutes sent after the conference). */
const AFTER_A_MEETING: ReadonlySet<EventKind> = new Set(['s47-start', 'no-further-action', 'decision-letter-sent', 'minutes-distributed']);
const rank = (e: Entry) => (e.kind === 'event' && e.event && AFTER_A_MEETING.has(e.event.kind) ? 1.5 : order[e.kind]);

/** The entries in date order; with `today`, a "Today" marker before that day's entries, so the
 * reader sees where now is between what has happened and what is due. */
export function timeline(d: ChildDetail, today?: string): Entry[] {
  const out: Entry[] = [
    ...d.events.map((e) => ({ key: `e${e.id}`, date: e.date, kind: 'event' as const, label: e.label, event: e })),
    ...d.meetings.map((m) => ({ key: `m${m.id}`, date: ukDateOf(m.start), kind: 'meeting' as const, label: m.kind_title, meeting: m })),
    ...d.items.map((i) => ({
      key: `d${dueKey(i)}`,
      date: i.deadline,
      kind: 'deadline' as const,
      label: `Deadline: ${i.rule_title}`,
      item: i,
    })),
    ...(today ? [{ key: 'today', date: today, kind: 'today' as const, label: 'Today' }] : []),
  ];
  return out.sort((a, b) => compareCodes(a.date, b.date) || rank(a) - rank(b) || compareCodes(a.key, b.key));
}
