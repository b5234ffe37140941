// UK date and time formatting. Meeting times arrive as RFC 3339 with the UK offset; dates as
// YYYY-MM-DD. Everything is shown in Europe/London, en-GB.
//
// No `Intl` here: the UK's rule is two lines (below), and asking the engine for it loads ICU's
// locale and time zone data into the window's process, 2-3 MiB of its memory
// (BENCHMARKS.md). The tests check the rule against ICU's Europe/London hour by hour.

/** 01:00 UTC on the last Sunday of a month (0-based), when UK clocks change. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** Minutes the UK is ahead of UTC at an instant (milliseconds since the epoch): 60 in British
 * Summer Time, from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
 * October (the rule since 1996, now set by the Summer Time Order 2002), otherwise 0. */
export function ukOffsetMinutes(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  return ms >= lastSundayAtOneUtc(year, 2) && ms < lastSundayAtOneUtc(year, 9) ? 60 : 0;
}

/** The UK wall clock of an RFC 3339 instant, "YYYY-MM-DDTHH:MM". */
function ukWall(instant: string): string {
  const ms = Date.parse(instant);
  return new Date(ms + ukOffsetMinutes(ms) * 60_000).toISOString().slice(0, 16);
}

// Day and month names are ours, not the engine's: ICU's en-GB data has changed ("Sept" for
// September in newer versions), and the UI must say what the agendas, PDFs and CLI say.
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** Monday to Sunday, as the calendar, the month grid and working patterns list them. */
export const WEEKDAYS_FROM_MONDAY = [...WEEKDAYS.slice(1), WEEKDAYS[0]];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Tue 12 May 2026" (or, long, "Tuesday 12 May 2026") for a civil date. */
function civilDate(date: string, long: boolean): string {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  const month = MONTHS[m - 1];
  return long ? `${weekday} ${d} ${month} ${y}` : `${weekday.slice(0, 3)} ${d} ${month.slice(0, 3)} ${y}`;
}

/** "November 2026" for any date in the month (YYYY-MM-DD). */
export function ukMonth(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

/** "Oct" for a date in October: a month grid's days outside its month say which month they are. */
export function ukMonthShort(date: string): string {
  return MONTHS[Number(date.slice(5, 7)) - 1].slice(0, 3);
}

/** "Tue 12 May 2026, 10:00–11:30" for a meeting's start and end. */
export function meetingWhen(start: string, end: string): string {
  const { day, times } = meetingParts(start, end);
  return `${day}, ${times}`;
}

/** "Tue 12 May 2026, 10:00" for an instant (a change, a backup), on the UK clock. */
export function ukDateTime(instant: string): string {
  return `${civilDate(ukDateOf(instant), false)}, ${ukTime(instant)}`;
}

/** The two halves of `meetingWhen`, for a table cell that breaks between date and times:
 * { day: "Tue 12 May 2026", times: "10:00–11:30" }. */
export function meetingParts(start: string, end: string): { day: string; times: string } {
  return { day: civilDate(ukDateOf(start), false), times: `${ukTime(start)}–${ukTime(end)}` };
}

/** Words for a meeting's status ("planned" → "Planned"); unknown values are shown as given. */
export function meetingStatusLabel(status: string): string {
  return ({ planned: 'Planned', held: 'Held', cancelled: 'Cancelled' } as Record<string, string>)[status] ?? status;
}

/** "10:00" in UK time. */
export function ukTime(instant: string): string {
  return ukWall(instant).slice(11);
}

/** "Tue 12 May 2026" for a calendar date (YYYY-MM-DD); no time zone shift. */
export function ukDate(date: string): string {
  return civilDate(date, false);
}

/** "Tuesday 12 May 2026". */
export function ukLongDate(date: string): string {
  return civilDate(date, true);
}

/** The UK calendar date (YYYY-MM-DD) of an RFC 3339 instant. */
export function ukDateOf(instant: string): string {
  return ukWall(instant).slice(0, 10);
}

/** Today's date in the UK (YYYY-MM-DD), whatever time zone the machine is set to. `at` is the
 * instant (milliseconds since the epoch). */
export function ukToday(at: number = Date.now()): string {
  return ukDateOf(new Date(at).toISOString());
}

/** "HH:MM" wall time of an instant, for editing; with the date, "YYYY-MM-DDTHH:MM". */
export function ukWallTime(instant: string): string {
  return ukWall(instant);
}

/** A busy block: whole days ("Mon 1 Feb 2027 to Fri 5 Feb 2027", end exclusive at midnight),
 * a time range on one day, or a range across days. */
export function busyWhen(start: string, end: string): string {
  const [sd, st] = ukWallTime(start).split('T');
  const [ed, et] = ukWallTime(end).split('T');
  if (st === '00:00' && et === '00:00') {
    const last = new Date(`${ed}T00:00:00Z`);
    last.setUTCDate(last.getUTCDate() - 1);
    const lastDay = last.toISOString().slice(0, 10);
    return lastDay === sd ? ukDate(sd) : `${ukDate(sd)} to ${ukDate(lastDay)}`;
  }
  if (sd === ed) return meetingWhen(start, end);
  return `${ukDate(sd)} ${st} to ${ukDate(ed)} ${et}`;
}

/** What saving an agenda PDF says: where it went, and which letters its font could not show
 * (they are empty boxes in the file; the window's own print shows them). */
export function savedPdfNotice(saved: { path: string; unprintable: string }): string {
  const where = `Saved the agenda as ${saved.path}.`;
  if (!saved.unprintable) return where;
  return `${where} The PDF's font has no letters for ${saved.unprintable}, so they show as empty boxes in it: use Print… on this screen for a copy that shows every name.`;
}

/** "Step 2 of 4: Writing 60 children, 412 meetings and their records…" ("Done: …." at the end). */
export function progressText(p: { step: number; steps: number; label: string }): string {
  return p.step >= p.steps ? `${p.label}.` : `Step ${p.step} of ${p.steps}: ${p.label}…`;
}
