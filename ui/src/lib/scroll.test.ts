import { describe, expect, it } from 'vitest';
import { needsTabStop } from './scroll';

const box = (scrollWidth: number, clientWidth: number, focusable: boolean) => ({
  scrollWidth,
  clientWidth,
  querySelector: () => (focusable ? {} : null),
});

describe('a table box', () => {
  it('is a tab stop only when it scrolls sideways and holds nothing focusable', () => {
    expect(needsTabStop(box(900, 300, false))).toBe(true);
    expect(needsTabStop(box(900, 300, true))).toBe(false);
    expect(needsTabStop(box(300, 300, false))).toBe(false);
    // Sub-pixel rounding is not scrolling.
    expect(needsTabStop(box(301, 300, false))).toBe(false);
  });
});
