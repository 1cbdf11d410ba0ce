/** Untrusted text (record fields, status pages, provider messages) made safe for a terminal. */

/** Replaces control characters, so no record can move the cursor or clear the screen. */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
