/** Durations as the config writes them (`500ms`, `30s`, `5m`, `2h`, `7d`), in milliseconds. */
import { typeName } from './type-name.js';

/** Milliseconds per unit, in the order the hint lists them. */
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

const DURATION = /^(\d+)(ms|s|m|h|d)$/;

/** What every duration problem ends with: the forms that are accepted. */
export const DURATION_HINT = 'use 500ms, 30s, 5m, 2h or 7d';

/** A duration read: its milliseconds, or why it is not one. */
export type DurationResult =
  { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly problem: string };

/**
 * Reads a duration: a whole number and one unit (`ms`, `s`, `m`, `h`, `d`), no spaces.
 * @example
 * parseDuration('30s'); // { ok: true, ms: 30000 }
 * parseDuration('30 seconds'); // { ok: false, problem: 'not a duration ("30 seconds"); use 500ms, …' }
 */
export function parseDuration(text: unknown): DurationResult {
  if (typeof text === 'number')
    return { ok: false, problem: `a duration needs a unit (${text}); ${DURATION_HINT}` };
  if (typeof text !== 'string')
    return { ok: false, problem: `expected a duration such as 30s, got ${typeName(text)}` };
  const match = DURATION.exec(text.trim());
  const unit = match?.[2] as keyof typeof UNIT_MS | undefined;
  if (match === null || unit === undefined)
    return { ok: false, problem: `not a duration (${JSON.stringify(text)}); ${DURATION_HINT}` };
  const ms = Number(match[1]) * UNIT_MS[unit];
  if (!Number.isSafeInteger(ms))
    return { ok: false, problem: `duration too long (${JSON.stringify(text)})` };
  return { ok: true, ms };
}

/** Milliseconds in the largest unit that divides them exactly: 30000 → `30s`. */
export function formatDuration(ms: number): string {
  const units = Object.entries(UNIT_MS).reverse();
  const [unit] = units.find(([, size]) => ms !== 0 && ms % size === 0) ?? ['ms'];
  return `${ms / UNIT_MS[unit as keyof typeof UNIT_MS]}${unit}`;
}
