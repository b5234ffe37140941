import { describe, expect, it } from 'vitest';
import { compareCodes, compareText } from './order';

describe('compareText', () => {
  it('ignores capitals and accents, as a reader looking up a name does', () => {
    const names = ['Zoë Hart', 'adam Cole', 'Élodie Brun', 'Elliot Ash', 'de Souza', 'Davies', 'eve Lamb', 'Émile Roux'];
    expect([...names].sort(compareText)).toEqual([
      'adam Cole',
      'Davies',
      'de Souza',
      'Elliot Ash',
      'Élodie Brun',
      'Émile Roux',
      'eve Lamb',
      'Zoë Hart',
    ]);
  });

  it('is a total order: names equal but for accents or capitals still come out the same way every time', () => {
    const a = ['Zoe', 'Zoë', 'zoe', 'ZOE'];
    const b = [...a].reverse();
    expect(a.sort(compareText)).toEqual(b.sort(compareText));
    expect(compareText('Zoë', 'Zoë')).toBe(0);
    expect(compareText('Zoe', 'Zoë')).not.toBe(0);
  });

  it('files letters like Ł, Ø and Æ, and curly apostrophes, as a reader does', () => {
    const names = ['Zoe', 'Łukasz', 'Lewis', 'Øyen', 'Owen', 'O’Neill', "O'Brien", 'Æsa', 'Adam', 'Nuß'];
    expect([...names].sort(compareText)).toEqual(['Adam', 'Æsa', 'Lewis', 'Łukasz', 'Nuß', "O'Brien", 'O’Neill', 'Owen', 'Øyen', 'Zoe']);
  });

  it('agrees with the English collator on plain names', () => {
    const names = ['Pryce', 'Fairbairn', 'Lund', 'Ashworth', 'Calder', 'Garside', 'Kettering', "O'Neill", 'Okafor'];
    const collator = new Intl.Collator('en-GB');
    expect([...names].sort(compareText)).toEqual([...names].sort(collator.compare));
  });
});

describe('compareCodes', () => {
  it('orders ISO dates and times as time runs', () => {
    expect(['2026-11-30', '2026-02-01', '2025-12-31'].sort(compareCodes)).toEqual(['2025-12-31', '2026-02-01', '2026-11-30']);
    expect(compareCodes('2026-03-29T01:00', '2026-03-29T01:00')).toBe(0);
  });
});
