// A child with timescales running or meetings booked and no social worker allocated: the record
// says so beside "Not allocated", as a warning, so the gap is not read past (a baby just born,
// a referral added in a hurry).

/** The warning for an unallocated child, or null when there is nothing to warn of. `open` is
 * how many timescales are open (overdue, due soon or upcoming), `planned` how many meetings are
 * booked, `next` the first of them ("initial child protection conference, Fri 4 Dec 2026,
 * 09:00"). `urgent` (something overdue or due soon) draws it as an alert, not a warning. */
export function unallocatedWarning(
  name: string,
  allocated: boolean,
  open: number,
  planned: number,
  next: string | null = null,
  urgent = false,
): { message: string; urgent: boolean } | null {
  if (allocated || (open === 0 && planned === 0)) return null;
  const booked = planned > 0 ? `${planned} ${planned === 1 ? 'meeting' : 'meetings'} booked${next ? ` (${planned === 1 ? '' : 'the next: '}${next})` : ''}` : null;
  const parts = [...(open > 0 ? [`${open} ${open === 1 ? 'timescale' : 'timescales'} running`] : []), ...(booked ? [booked] : [])];
  return { message: `No social worker is allocated to ${name}, who has ${parts.join(' and ')}. Choose one with “Change”.`, urgent };
}
