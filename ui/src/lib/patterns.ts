// The working-pattern form: a row for each day of the week, Monday first, and back to the draft
// the core checks (only the days worked are sent).
import type { WorkingPatternDraft } from '../bindings/WorkingPatternDraft';
import { WEEKDAYS_FROM_MONDAY } from './format';

export type DayRow = { weekday: number; name: string; works: boolean; start: string; end: string };

/** Seven rows from a draft; a day not worked keeps office hours ready to tick. */
export function rowsOf(draft: WorkingPatternDraft): DayRow[] {
  return WEEKDAYS_FROM_MONDAY.map((name, i) => {
    const day = draft.days.find((d) => d.weekday === i + 1);
    return { weekday: i + 1, name, works: !!day, start: day?.start ?? '09:00', end: day?.end ?? '17:00' };
  });
}

/** The draft to save: the days ticked, with their hours as typed. */
export function draftOf(person: string, rows: DayRow[]): WorkingPatternDraft {
  return { person, days: rows.filter((r) => r.works).map((r) => ({ weekday: r.weekday, start: r.start, end: r.end })) };
}
