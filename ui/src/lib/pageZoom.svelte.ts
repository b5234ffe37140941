// The page size shared by the keys (App) and Settings: what the app last applied, and the
// sentence that says so.
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

/** Resize the page; `said` tells a screen reader the new size (or why it failed). */
export async function setPageZoom(level: number): Promise<void> {
  try {
    pageZoom.level = await api.setPageZoom(level);
    pageZoom.said = `Page size ${zoomLabel(pageZoom.level)}.`;
  } catch (e) {
    pageZoom.said = e instanceof Object && 'message' in e ? String((e as { message: unknown }).message) : 'The page could not be resized.';
  }
}
