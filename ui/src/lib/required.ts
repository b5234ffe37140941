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

/** The sentence for an empty required field: "“From” must be filled in."; for a date or time
 * typed in part (which stops a form too, required or not): "“From” is not a whole date: fill in
 * each part, or clear it." */
export function requiredSentence(field: HTMLElement): string {
  const name = fieldName(field);
  const what = name === 'This field' ? 'This field' : `“${name}”`;
  const input = field as HTMLInputElement;
  if (input.validity?.badInput) {
    const whole = input.type === 'time' ? 'a whole time' : input.type === 'datetime-local' ? 'a whole date and time' : 'a whole date';
    return `${what} is not ${whole}: fill in each part, or clear it.`;
  }
  return `${what} must be filled in.`;
}
