// Wide tables scroll inside their own box when the window is narrow or the page is zoomed
// (WCAG 2.2 1.4.10: the page itself never scrolls sideways). A box that scrolls and holds
// nothing the keyboard can reach becomes a labelled tab stop, so it can be scrolled with the
// arrow keys; otherwise it stays out of the tab order.

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** Whether `node` needs its own tab stop: it scrolls sideways and nothing inside is focusable. */
export function needsTabStop(node: { scrollWidth: number; clientWidth: number; querySelector: (s: string) => unknown }): boolean {
  return node.scrollWidth > node.clientWidth + 1 && node.querySelector(FOCUSABLE) === null;
}

/** Svelte action for a `.table-scroll` box. */
export function scrollRegion(node: HTMLElement) {
  const update = () => {
    if (needsTabStop(node)) {
      node.tabIndex = 0;
      node.setAttribute('role', 'region');
      const caption = node.querySelector('caption')?.textContent?.trim();
      node.setAttribute('aria-label', caption ? `${caption} (scrolls sideways)` : 'Table (scrolls sideways)');
    } else {
      node.removeAttribute('tabindex');
      node.removeAttribute('role');
      node.removeAttribute('aria-label');
    }
  };
  const observer = new ResizeObserver(update);
  observer.observe(node);
  const table = node.firstElementChild;
  if (table) observer.observe(table);
  update();
  return { destroy: () => observer.disconnect() };
}
