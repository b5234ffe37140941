// Ordering without `localeCompare`: it loads ICU's collator into the web process (about 1.3 MiB,
// BENCHMARKS.md), and what the app sorts needs no more than this.

/** Plain order of UTF-16 code units: right for ISO dates, times and ids. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const MARKS = /[\u0300-\u036f]/g;
/** Letters that decomposition leaves alone but a reader files under plain ones, and the curly
 * apostrophes of names like O’Neill. */
const LOOKALIKES: Record<string, string> = {
  ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ı: 'i', '’': "'", '‘': "'", ʼ: "'",
};
const LOOKALIKE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'g');

/** A name or title as an English reader looks it up: without accents or capitals. */
function lookupKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(LOOKALIKE, (c) => LOOKALIKES[c]);
}

/** Names and titles in the order an English reader expects: ignoring capitals and accents
 * ("Élodie" beside "Elliot", "de Souza" beside "Davies"), then exactly, so the order is total. */
export function compareText(a: string, b: string): number {
  return compareCodes(lookupKey(a), lookupKey(b)) || compareCodes(a, b);
}
