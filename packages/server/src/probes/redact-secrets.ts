/** Keeps API keys out of log lines: every configured key is replaced, wherever it appears. */
import { REDACTED } from '../config/index.js';

/** A function that returns `text` with each of `secrets` replaced by `[redacted]`. */
export function secretRedactor(secrets: readonly string[]): (text: string) => string {
  const keys = secrets.filter((s) => s.length > 0);
  return (text) => keys.reduce((t, key) => t.split(key).join(REDACTED), text);
}

/** The text of an error of ours for a log line: its name and message, never a stack. */
export function errorLine(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
