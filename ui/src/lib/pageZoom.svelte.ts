// The page size shared by the keys (App) and Settings: what the app last applied, and the
// sentence that says so.
import { tick } from 'svelte';
import { api } from './api';
import { zoomLabel } from './zoom';

export const pageZoom = $state({ level: 1, said: '' });

/** The size the window opened at (the app applies the remembered one before showing it). */
export async function loadPageZoom(): Promise<void> {
  try {
    pageZoom.level = await api.pageZoom();
  } catch {
    // 100% stands: the keys and Settings still work.
  }
}

/** Resize the page; `said` tells a screen reader the new size (or why it failed). The level is
 * taken at once, so quick presses (or a held key) step from the size last asked for, not from
 * the one last applied; the sentence is cleared first, so the same size said twice (Ctrl + at
 * 400%) is said again. */
export async function setPageZoom(level: number): Promise<void> {
  const before = pageZoom.level;
  pageZoom.level = level;
  pageZoom.said = '';
  await tick();
  try {
    const used = await api.setPageZoom(level);
    if (pageZoom.level === level) pageZoom.level = used;
    pageZoom.said = `Page size ${zoomLabel(used)}.`;
  } catch (e) {
    if (pageZoom.level === level) pageZoom.level = before;
    pageZoom.said = e instanceof Object && 'message' in e ? String((e as { message: unknown }).message) : 'The page could not be resized.';
  }
}
