// A child with timescales running or meetings booked and no social worker allocated: the record
// says so beside "Not allocated", as a warning, so the gap is not read past (a baby just born,
// a referral added in a hurry).

/** The warning for an unallocated child, or null when there is nothing to warn of. `open` is
 * how many timescales are open (overdue, due soon or upcoming), `planned` how many meetings are
 * booked. */
export function unallocatedWarning(name: string, allocated: boolean, open: number, planned: number): string | null {
  if (allocated || (open === 0 && planned === 0)) return null;
  const parts = [
    ...(open > 0 ? [`${open} ${open === 1 ? 'timescale' : 'timescales'} running`] : []),
    ...(planned > 0 ? [`${planned} ${planned === 1 ? 'meeting' : 'meetings'} booked`] : []),
  ];
  return `No social worker is allocated to ${name}, who has ${parts.join(' and ')}. Choose one with “Change”.`;
}
