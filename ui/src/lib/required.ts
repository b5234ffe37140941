// WebKitGTK blocks a form whose required field is empty without a word: the keyboard lands on
// the field and nothing says why (no validation bubble, as browsers draw). The app says it
// instead, beside the field, for the first field a blocked submission stops at.

/** A field's name as its label gives it, without the text of any control inside the label
 * (a select's options): "From", "Date it happened". */
export function fieldName(field: HTMLElement): string {
  const label = (field as HTMLInputElement).labels?.[0];
  if (label) {
    const copy = label.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('input, select, textarea, button, .visually-hidden').forEach((c) => c.remove());
    const text = copy.textContent?.replace(/\s+/g, ' ').trim();
    if (text) return text;
  }
  return field.getAttribute('aria-label')?.trim() || 'This field';
}

/** The sentence for an empty required field: "“From” must be filled in." */
export function requiredSentence(field: HTMLElement): string {
  const name = fieldName(field);
  return name === 'This field' ? 'This field must be filled in.' : `“${name}” must be filled in.`;
}
