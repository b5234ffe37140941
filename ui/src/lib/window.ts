// The window is created hidden and shown once its first screen is drawn (the dashboard's list,
// the empty state, or the unlock or error message), so it never opens on a half-drawn page.
import { tick } from 'svelte';
import { api } from './api';

let asked = false;

/** Show the window once the screen just rendered is on the page. The first call asks the app to
 * show it; later calls do nothing. Marks `window-shown` (e2e reads it) with whether the window was
 * still hidden until then. If showing fails the app shows the window itself a moment later, so
 * this never reports an error. */
export async function firstScreenDrawn(): Promise<void> {
  if (asked) return;
  asked = true;
  await tick();
  const wasHidden = document.hidden;
  try {
    await api.firstScreenDrawn();
  } catch {
    // The app's own fallback shows the window (commands/window.rs).
  }
  performance.mark('window-shown', { detail: { wasHidden } });
}
