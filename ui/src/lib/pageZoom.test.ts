import { beforeEach, describe, expect, it, vi } from 'vitest';

// The app's command, answering only when the test lets it (as a slow machine would).
const pending: Array<() => void> = [];
const applied: number[] = [];
vi.mock('./api', () => ({
  api: {
    pageZoom: async () => 1,
    setPageZoom: (level: number) =>
      new Promise<number>((resolve) => {
        pending.push(() => {
          applied.push(level);
          resolve(level);
        });
      }),
  },
}));

const { pageZoom, setPageZoom } = await import('./pageZoom.svelte');
const { zoomIn } = await import('./zoom');

describe('page size', () => {
  beforeEach(() => {
    pending.length = 0;
    applied.length = 0;
    pageZoom.level = 1;
    pageZoom.said = '';
  });

  it('steps from the size last asked for, so two quick presses make two steps', async () => {
    const first = setPageZoom(zoomIn(pageZoom.level));
    const second = setPageZoom(zoomIn(pageZoom.level));
    await vi.waitFor(() => expect(pending.length).toBe(2));
    pending.splice(0).forEach((answer) => answer());
    await Promise.all([first, second]);
    expect(applied).toEqual([1.1, 1.25]);
    expect(pageZoom.level).toBe(1.25);
  });

  it('says the size again when it has not changed', async () => {
    pageZoom.said = 'Page size 100%.';
    const asked = setPageZoom(1);
    // Cleared while the app works, so the same words are a change a screen reader hears.
    expect(pageZoom.said).toBe('');
    await vi.waitFor(() => expect(pending.length).toBe(1));
    pending.splice(0).forEach((answer) => answer());
    await asked;
    expect(pageZoom.said).toBe('Page size 100%.');
  });
});
