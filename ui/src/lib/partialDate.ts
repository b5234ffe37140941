// Empty date and time fields hide WebKitGTK's stand-in text (today's date in pale grey, which
// reads as a value: app.css, `data-empty`). A date typed in part is empty to the form too, so
// its bound value marks it empty, and the part typed would vanish once the field is left. Such a
// field is marked `data-partial` (the browser's `validity.badInput`), and stays drawn.

const DATE_TYPES = new Set(['date', 'datetime-local', 'time', 'month', 'week']);

type Field = { type: string; value: string; validity: { badInput: boolean }; toggleAttribute(name: string, on: boolean): boolean };

/** Whether `el` is a date or time field holding some but not all of a value. */
export function isPartial(el: Pick<Field, 'type' | 'value' | 'validity'>): boolean {
  return DATE_TYPES.has(el.type) && el.value === '' && el.validity.badInput;
}

/** Marks or unmarks a date or time field as typed in part; anything else is left alone. */
export function markPartial(target: EventTarget | null): void {
  const el = target as Partial<Field> | null;
  if (!el || typeof el.type !== 'string' || !DATE_TYPES.has(el.type) || !el.validity || typeof el.toggleAttribute !== 'function') return;
  el.toggleAttribute('data-partial', isPartial(el as Field));
}

/** Keeps every date and time field in `doc` marked as it is typed in and left. */
export function watchPartialDates(doc: Pick<Document, 'addEventListener'>): void {
  for (const type of ['input', 'change', 'focusout', 'keyup']) doc.addEventListener(type, (e) => markPartial(e.target), true);
}
