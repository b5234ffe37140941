// Where the keyboard goes after an action removes the control that had it: never the page.
import { tick } from 'svelte';

type Target = string | HTMLElement | null | undefined;

/** Once the page is redrawn, focus the first of `targets` that is there (a selector or an
 * element; missing ones are skipped). */
export async function focusFirst(...targets: Target[]): Promise<void> {
  await tick();
  for (const t of targets) {
    const el = typeof t === 'string' ? document.querySelector<HTMLElement>(t) : t;
    if (el) return el.focus();
  }
}

/** After the item at `index` left a list: the item now in its place, else the last one, else
 * nothing (an empty list). */
export function inPlaceOf<T>(items: ArrayLike<T>, index: number): T | undefined {
  return items.length === 0 ? undefined : items[Math.min(index, items.length - 1)];
}

/** Once the page is redrawn, focus the button now in place of the removed one (`buttons`
 * selects the list's buttons), else `fallback`. */
export async function focusAfterRemoval(buttons: string, index: number, fallback: Target): Promise<void> {
  await tick();
  await focusFirst(inPlaceOf(document.querySelectorAll<HTMLElement>(buttons), index), fallback);
}
