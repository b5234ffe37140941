import { describe, expect, it } from 'vitest';
import { inPlaceOf } from './focus';

describe('focus after a removal', () => {
  it('goes to the item now in the removed one\'s place, else the last, else nowhere', () => {
    // Removed the 2nd of four: three left, the old 3rd is now 2nd.
    expect(inPlaceOf(['a', 'c', 'd'], 1)).toBe('c');
    // Removed the last: the new last.
    expect(inPlaceOf(['a', 'b'], 2)).toBe('b');
    expect(inPlaceOf([], 0)).toBeUndefined();
  });
});
