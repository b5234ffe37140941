import { describe, expect, it } from 'vitest';
import { isPartial, markPartial, watchPartialDates } from './partialDate';

function field(type: string, value: string, badInput: boolean) {
  const attrs = new Set<string>();
  return {
    type,
    value,
    validity: { badInput },
    attrs,
    toggleAttribute(name: string, on: boolean) {
      if (on) attrs.add(name);
      else attrs.delete(name);
      return on;
    },
  };
}

describe('a date typed in part', () => {
  it('is a date or time field with no value but some of one typed', () => {
    expect(isPartial(field('date', '', true))).toBe(true);
    expect(isPartial(field('datetime-local', '', true))).toBe(true);
    expect(isPartial(field('date', '', false))).toBe(false);
    expect(isPartial(field('date', '2026-12-02', false))).toBe(false);
    expect(isPartial(field('text', '', true))).toBe(false);
  });

  it('is marked while typed in part, and unmarked once whole or cleared', () => {
    const f = field('date', '', true);
    markPartial(f as unknown as EventTarget);
    expect(f.attrs.has('data-partial')).toBe(true);
    f.value = '2026-12-02';
    f.validity.badInput = false;
    markPartial(f as unknown as EventTarget);
    expect(f.attrs.has('data-partial')).toBe(false);
  });

  it('leaves other elements alone', () => {
    const t = field('text', '', true);
    markPartial(t as unknown as EventTarget);
    expect(t.attrs.size).toBe(0);
    expect(() => markPartial(null)).not.toThrow();
    expect(() => markPartial({} as EventTarget)).not.toThrow();
  });

  it('watches the document as fields are typed in and left', () => {
    const seen: string[] = [];
    let handler: ((e: Event) => void) | null = null;
    watchPartialDates({
      addEventListener: (type: string, h: (e: Event) => void) => {
        seen.push(type);
        handler = h;
      },
    } as unknown as Document);
    expect(seen).toEqual(['input', 'change', 'focusout', 'keyup']);
    const f = field('date', '', true);
    handler!({ target: f } as unknown as Event);
    expect(f.attrs.has('data-partial')).toBe(true);
  });
});
