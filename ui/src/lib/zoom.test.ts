import { describe, expect, it } from 'vitest';
import { ZOOM_STEPS, zoomIn, zoomKey, zoomLabel, zoomOut } from './zoom';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = { ctrlKey: true }) => ({
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  key: k,
  ...mods,
});

describe('page size', () => {
  it('steps up and down through the sizes, stopping at 50% and 400%', () => {
    expect(zoomIn(1)).toBe(1.1);
    expect(zoomOut(1)).toBe(0.9);
    expect(zoomIn(2)).toBe(2.5);
    expect(zoomIn(4)).toBe(4);
    expect(zoomOut(0.5)).toBe(0.5);
    // A size between steps (remembered from elsewhere) goes to the neighbouring step.
    expect(zoomIn(1.3)).toBe(1.5);
    expect(zoomOut(1.3)).toBe(1.25);
    // Every step is reached from 100% by the keys.
    let l = 1;
    const seen = new Set([l]);
    while (zoomIn(l) !== l) seen.add((l = zoomIn(l)));
    l = 1;
    while (zoomOut(l) !== l) seen.add((l = zoomOut(l)));
    expect([...seen].sort((a, b) => a - b)).toEqual([...ZOOM_STEPS]);
  });

  it('says a size as a percentage', () => {
    expect(zoomLabel(1)).toBe('100%');
    expect(zoomLabel(0.67)).toBe('67%');
    expect(zoomLabel(2.5)).toBe('250%');
  });

  it('answers Ctrl (or Cmd) with +, =, - and 0 only', () => {
    expect(zoomKey(key('='), 1)).toBe(1.1);
    expect(zoomKey(key('+'), 1)).toBe(1.1);
    expect(zoomKey(key('-'), 1)).toBe(0.9);
    expect(zoomKey(key('0'), 3)).toBe(1);
    expect(zoomKey(key('=', { metaKey: true }), 1)).toBe(1.1);
    expect(zoomKey(key('='), 1)).not.toBeNull();
    expect(zoomKey(key('=', {}), 1)).toBeNull();
    expect(zoomKey(key('=', { ctrlKey: true, altKey: true }), 1)).toBeNull();
    expect(zoomKey(key('a'), 1)).toBeNull();
  });
});
