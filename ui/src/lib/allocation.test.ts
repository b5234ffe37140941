import { describe, expect, it } from 'vitest';
import { unallocatedWarning } from './allocation';

describe('unallocatedWarning', () => {
  it('says nothing for an allocated child, or one with nothing running or booked', () => {
    expect(unallocatedWarning('Baby Testfield', true, 3, 1)).toBeNull();
    expect(unallocatedWarning('Baby Testfield', false, 0, 0)).toBeNull();
  });

  it('names what is running and booked', () => {
    expect(unallocatedWarning('Baby Testfield', false, 2, 1)?.message).toBe(
      'No social worker is allocated to Baby Testfield, who has 2 timescales running and 1 meeting booked. Choose one with “Change”.',
    );
    expect(unallocatedWarning('A.H.', false, 1, 0)?.message).toBe('No social worker is allocated to A.H., who has 1 timescale running. Choose one with “Change”.');
    expect(unallocatedWarning('A.H.', false, 0, 2)?.message).toBe('No social worker is allocated to A.H., who has 2 meetings booked. Choose one with “Change”.');
  });

  it('says which meeting comes next, and is urgent when something is overdue or due soon', () => {
    const icpc = 'initial child protection conference, Fri 4 Dec 2026, 09:00';
    expect(unallocatedWarning('Baby Testfield', false, 1, 1, icpc, true)).toEqual({
      message: 'No social worker is allocated to Baby Testfield, who has 1 timescale running and 1 meeting booked (initial child protection conference, Fri 4 Dec 2026, 09:00). Choose one with “Change”.',
      urgent: true,
    });
    expect(unallocatedWarning('A.H.', false, 0, 2, icpc)).toEqual({
      message: 'No social worker is allocated to A.H., who has 2 meetings booked (the next: initial child protection conference, Fri 4 Dec 2026, 09:00). Choose one with “Change”.',
      urgent: false,
    });
  });
});
