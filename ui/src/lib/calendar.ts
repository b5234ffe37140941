// The calendar screen's pure logic: wall-clock times in and out of EventCalendar, and the
// "show meetings for" choice. EventCalendar hands back Dates whose local fields are the UK wall
// clock we gave it (floating times), so only the local getters are used here.
import type { CalendarEntry } from '../bindings/CalendarEntry';
import type { CalendarFilter } from '../bindings/CalendarFilter';
import type { CalendarPage } from '../bindings/CalendarPage';
import { meetingStatusLabel, ukDate, ukLongDate, ukMonth, ukToday, ukWallTime } from './format';

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03-02" from a Date's local fields. */
export function ymd(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "2026-03-02T10:30" from a Date's local fields: the UK wall clock the user dropped on. */
export function wallClock(d: Date): string {
  return `${ymd(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Now on the UK wall clock, as a Date whose local fields read it (as the calendar's Dates do),
 * whatever time zone the machine is set to. `at` is the instant (milliseconds since the epoch). */
export function ukNow(at: number = Date.now()): Date {
  const [y, mo, d, h, mi] = ukWallTime(new Date(at).toISOString()).split(/[-T:]/).map(Number);
  return new Date(y, mo - 1, d, h, mi);
}

/** The days a fetch covers: EventCalendar's end is exclusive, ours inclusive. */
export function fetchRange(start: Date, end: Date): { from: string; to: string } {
  const last = new Date(end.getFullYear(), end.getMonth(), end.getDate() - 1);
  return { from: ymd(start), to: ymd(last < start ? start : last) };
}

/** The select's value for a filter, and back: "everyone", "person:ID", "team:ID", "venue:ID". */
export function filterValue(f: CalendarFilter): string {
  switch (f.type) {
    case 'everyone':
      return 'everyone';
    case 'person':
      return `person:${f.person}`;
    case 'team':
      return `team:${f.team}`;
    case 'venue':
      return `venue:${f.venue}`;
  }
}

export function filterFrom(value: string): CalendarFilter {
  const [type, id] = value.split(':', 2);
  if (id) {
    if (type === 'person') return { type: 'person', person: id };
    if (type === 'team') return { type: 'team', team: id };
    if (type === 'venue') return { type: 'venue', venue: id };
  }
  return { type: 'everyone' };
}

/** How an entry is drawn and read: its status, but a planned meeting that has ended by `now` (UK
 * wall clock, "YYYY-MM-DDTHH:MM") is "unrecorded": its outcome is to be recorded, and until it is
 * it meets no timescale, so it must not look like one still to come. */
export function entryStatus(e: Pick<CalendarEntry, 'status' | 'end'>, now: string): string {
  return e.status === 'planned' && e.end.slice(0, 16) <= now ? 'unrecorded' : e.status;
}

/** A month entry's two lines: its kind in short, then whose meeting (the label's "ICPC · Maya
 * Dunmore"), so a narrow cell cuts a long name, never a short one away. */
export function monthLines(label: string): { kind: string; who: string } {
  const at = label.indexOf(' · ');
  return at < 0 ? { kind: label, who: '' } : { kind: label.slice(0, at), who: label.slice(at + 3) };
}

/** A meeting's status as a list shows it (`end` an instant with its offset): one planned and
 * ended by `now` (`entryStatus`) has its outcome to record, drawn dashed amber as the calendar
 * draws it, not as one still to come. */
export function meetingBadge(status: string, end: string, now: string): { label: string; cls: string } {
  return entryStatus({ status, end: ukWallTime(end) }, now) === 'unrecorded'
    ? { label: 'Outcome to record', cls: 'unrecorded' }
    : { label: meetingStatusLabel(status), cls: status };
}

/** The status in words, for a screen reader and the legend. */
export function entryStatusWords(status: string): string {
  return status === 'unrecorded' ? 'outcome to record' : status;
}

/** An entry as EventCalendar draws it (its status as `entryStatus` gives it; with no `now`, as
 * stored); only planned meetings can be dragged. */
export function toEvent(e: CalendarEntry, now = ''): CalendarEvent {
  return {
    id: e.id,
    start: e.start,
    end: e.end,
    title: e.title,
    editable: e.movable,
    startEditable: e.movable,
    durationEditable: false,
    classNames: [`meeting-${entryStatus(e, now)}`],
    extendedProps: { entry: e },
  };
}

export type CalendarEvent = {
  id: string;
  start: string;
  end: string;
  title: string;
  allDay?: boolean;
  editable: boolean;
  startEditable: boolean;
  durationEditable: boolean;
  classNames: string[];
  extendedProps: { entry?: CalendarEntry; moreOn?: string; more?: number };
};

/** How many meetings a day shows in each view before the rest become "+N more": a whole
 * authority's calendar has a hundred meetings a day, which no one can read (or draw quickly). */
export const PER_DAY: Record<string, number> = { dayGridMonth: 3, timeGridWeek: 12, timeGridDay: 40 };

/** "Tue 1 Dec 2026, 10:00–12:00" for an entry (its times are UK wall clock already), as
 * `meetingWhen` says it for a stored meeting. */
export function entryWhen(e: Pick<CalendarEntry, 'start' | 'end'>): string {
  return `${ukDate(e.start.slice(0, 10))}, ${e.start.slice(11, 16)}–${e.end.slice(11, 16)}`;
}

/** What a screen reader hears after a meeting block's time and title: ", Tuesday 1 December
 * 2026, planned, at Room 1". */
export function spokenEntry(e: CalendarEntry, now = ''): string {
  return `, ${ukLongDate(e.start.slice(0, 10))}, ${entryStatusWords(entryStatus(e, now))}, at ${e.location}`;
}

/** The events to draw: the page's meetings, and for each busier day one all-day "+N more
 * meetings" entry that opens that day. */
export function toEvents(page: CalendarPage, now = ''): CalendarEvent[] {
  const out: CalendarEvent[] = page.entries.map((e) => toEvent(e, now));
  for (const { date, count } of page.more) {
    out.push({
      id: `more-${date}`,
      start: date,
      end: date,
      allDay: true,
      title: `+${count} more ${count === 1 ? 'meeting' : 'meetings'}`,
      editable: false,
      startEditable: false,
      durationEditable: false,
      classNames: ['meeting-more'],
      extendedProps: { moreOn: date, more: count },
    });
  }
  return out;
}

/** The period a view shows, from its first to its last day (inclusive): "Monday 30 November
 * 2026", "November 2026", or "Mon 30 Nov to Sun 6 Dec 2026". */
export function periodTitle(start: Date, last: Date): string {
  const a = ymd(start);
  const b = ymd(last);
  if (a === b) return ukLongDate(a);
  const nextDay = new Date(last.getFullYear(), last.getMonth(), last.getDate() + 1);
  if (start.getDate() === 1 && nextDay.getDate() === 1 && a.slice(0, 7) === b.slice(0, 7)) return ukMonth(a);
  const from = ukDate(a);
  return `${a.slice(0, 4) === b.slice(0, 4) ? from.slice(0, -5) : from} to ${ukDate(b)}`;
}

/** A column heading: "Mon 30 Nov"; today's says so ("Wed 2 Dec, today"), as the month does,
 * not by its colour alone. */
export function dayHeading(d: Date, today: string = ukToday()): string {
  const day = ymd(d);
  return `${ukDate(day).slice(0, -5)}${day === today ? ', today' : ''}`;
}

/** The weeks (Monday first) a month view shows for the month holding `anchor`: four to six rows
 * of seven dates, YYYY-MM-DD, from the Monday on or before the 1st to the Sunday on or after the
 * last day. */
export function monthWeeks(anchor: Date): string[][] {
  const first = new Date(anchor.getFullYear(), anchor.getMonth(), 1);
  const last = new Date(anchor.getFullYear(), anchor.getMonth() + 1, 0);
  const back = (first.getDay() + 6) % 7; // days since Monday
  const weeks: string[][] = [];
  let day = new Date(first.getFullYear(), first.getMonth(), 1 - back);
  while (day <= last) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(ymd(day));
      day = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/** The anchor moved by whole months, kept on the 1st (31 January + 1 month is February). */
export function addMonths(anchor: Date, months: number): Date {
  return new Date(anchor.getFullYear(), anchor.getMonth() + months, 1);
}

/** A page's meetings and "+N more" counts by day (YYYY-MM-DD), meetings in the page's order. */
export function byDay(page: CalendarPage): Map<string, { entries: CalendarEntry[]; more: number }> {
  const days = new Map<string, { entries: CalendarEntry[]; more: number }>();
  const day = (date: string) => {
    let d = days.get(date);
    if (!d) {
      d = { entries: [], more: 0 };
      days.set(date, d);
    }
    return d;
  };
  for (const e of page.entries) day(e.start.slice(0, 10)).entries.push(e);
  for (const { date, count } of page.more) day(date).more = count;
  return days;
}

/** Where a meeting dropped on another day of the month view goes: the same start time that day.
 * Null when it is dropped where it already is. */
export function movedToDay(e: CalendarEntry, date: string): string | null {
  if (e.start.slice(0, 10) === date) return null;
  return `${date}T${e.start.slice(11, 16)}`;
}

/** What a screen reader hears for a day of the month view: "Monday 30 November 2026, 3
 * meetings" (counting the ones behind "+N more"). */
export function spokenDay(date: string, count: number): string {
  return `${ukLongDate(date)}, ${count === 0 ? 'no meetings' : count === 1 ? '1 meeting' : `${count} meetings`}`;
}

/** Where the calendar was left — view, the day it showed, whose meetings — so coming back from
 * a meeting's agenda (which replaces the calendar) opens it there, not on this week again. Kept
 * for the life of the window. */
export const calendarPlace: { view: 'timeGridDay' | 'timeGridWeek' | 'dayGridMonth'; date: Date | null; filter: string } = {
  view: 'timeGridWeek',
  date: null,
  filter: 'everyone',
};
