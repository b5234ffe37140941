// The page's size (zoom), as a browser's Ctrl +, Ctrl − and Ctrl 0 set it. The app applies it
// (Rust: text and layout together) and remembers it; here are the steps and the keys.

/** The sizes offered, as browsers do: up to 400%, where the layout is one column. */
export const ZOOM_STEPS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4] as const;

/** The next size up from `level` (the largest stays). */
export function zoomIn(level: number): number {
  return ZOOM_STEPS.find((s) => s > level + 1e-9) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1];
}

/** The next size down from `level` (the smallest stays). */
export function zoomOut(level: number): number {
  return [...ZOOM_STEPS].reverse().find((s) => s < level - 1e-9) ?? ZOOM_STEPS[0];
}

/** "150%". */
export function zoomLabel(level: number): string {
  return `${Math.round(level * 100)}%`;
}

/** What a key press asks of the page size: bigger, smaller, back to 100%, or nothing. Ctrl (or
 * ⌘) with +/= , - or 0, on the main keys or the number pad. */
export function zoomKey(e: { ctrlKey: boolean; metaKey: boolean; altKey: boolean; key: string }, level: number): number | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  switch (e.key) {
    case '+':
    case '=':
      return zoomIn(level);
    case '-':
    case '_':
      return zoomOut(level);
    case '0':
      return 1;
    default:
      return null;
  }
}
