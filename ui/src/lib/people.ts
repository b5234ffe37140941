// People who are leaving or have left (a last working day recorded): kept in the list and in the
// meetings they were part of, but not offered for anything new.
import { ukLongDate } from './format';

/** Whether someone still works on `day` (YYYY-MM-DD): no last working day, or one not before it. */
export function worksOn(p: { last_day: string | null }, day: string): boolean {
  return p.last_day === null || day <= p.last_day;
}

/** Those to offer in a picker on `today`: everyone still working, and whoever is already chosen
 * (`chosen`), so that a choice made before they left is still shown. */
export function offered<P extends { id: string; last_day: string | null }>(people: P[], today: string, chosen: (string | null)[] = []): P[] {
  return people.filter((p) => worksOn(p, today) || chosen.includes(p.id));
}

/** "Leaving: last working day Friday 18 December 2026", or "Left: …" once that day has passed. */
export function leavingLabel(lastDay: string, today: string): string {
  return `${today <= lastDay ? 'Leaving' : 'Left'}: last working day ${ukLongDate(lastDay)}`;
}
