/** A wide table in its own horizontal scroller, so a narrow or zoomed window scrolls the table, not the page. */
import { h, type ComponentChild } from 'preact';

/**
 * The scroller is a named region in the tab order (named by the table's caption), so keyboard
 * users can scroll it with the arrow keys when it overflows.
 */
export function tableScroll(captionId: string, table: ComponentChild): ComponentChild {
  return h(
    'div',
    { class: 'table-scroll', role: 'region', 'aria-labelledby': captionId, tabIndex: 0 },
    table,
  );
}
