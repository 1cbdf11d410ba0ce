/** Keeps channel secrets out of log lines: each one is replaced wherever it appears, raw or URL-encoded. */

/** What a secret prints as (the same words as config's redaction). */
export const REDACTED_TEXT = '[redacted]';

/** A function that returns `text` with every one of `secrets` replaced. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const forms = secrets
    .filter((s) => s.length > 0)
    .flatMap((s) => [s, encodeURIComponent(s)])
    .sort((a, b) => b.length - a.length);
  return (text) => forms.reduce((t, s) => t.split(s).join(REDACTED_TEXT), text);
}
