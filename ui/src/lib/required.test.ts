import { describe, expect, it } from 'vitest';
import { requiredSentence } from './required';

// A field as the sentence reads it: its accessible name and, for dates, what was typed.
function field(name: string | null, type = 'text', badInput = false): HTMLElement {
  return {
    type,
    validity: { badInput },
    labels: undefined,
    getAttribute: (a: string) => (a === 'aria-label' ? name : null),
  } as unknown as HTMLElement;
}

describe('requiredSentence', () => {
  it('names the empty field', () => {
    expect(requiredSentence(field('From'))).toBe('“From” must be filled in.');
    expect(requiredSentence(field(null))).toBe('This field must be filled in.');
  });

  it('says a date or time typed in part is not whole yet', () => {
    expect(requiredSentence(field('From', 'date', true))).toBe('“From” is not a whole date: fill in each part, or clear it.');
    expect(requiredSentence(field('When', 'datetime-local', true))).toBe('“When” is not a whole date and time: fill in each part, or clear it.');
    expect(requiredSentence(field(null, 'time', true))).toBe('This field is not a whole time: fill in each part, or clear it.');
  });
});
