/** The schema of a duration field: `30s` in the file, milliseconds in the config. */
import { z } from 'zod';
import { DOC_TYPE } from './doc-type.js';
import { formatDuration, parseDuration } from './duration.js';

/** How a duration field is declared. */
export interface DurationFieldOptions {
  /** For the docs and `--help`; the accepted range is appended. */
  readonly description: string;
  /** The value when the key is absent, as written in the file (`30s`). */
  readonly default: string;
  /** The shortest accepted, in milliseconds (default 1). */
  readonly minMs?: number;
  /** The longest accepted, in milliseconds. */
  readonly maxMs: number;
}

/**
 * A duration field: a string such as `30s` in, its milliseconds out, with a clear problem for a
 * value out of range or not a duration at all (numbers without a unit included).
 */
export function durationField(o: DurationFieldOptions) {
  const minMs = o.minMs ?? 1;
  const range = `${formatDuration(minMs)} to ${formatDuration(o.maxMs)}`;
  return z
    .string({ error: (issue) => problemOf(issue.input) })
    .transform((text, ctx): number => {
      const read = parseDuration(text);
      if (!read.ok) {
        ctx.addIssue({ code: 'custom', message: read.problem });
        return z.NEVER;
      }
      if (read.ms < minMs || read.ms > o.maxMs) {
        ctx.addIssue({
          code: 'custom',
          message: `${JSON.stringify(text)} is out of range (${range})`,
        });
        return z.NEVER;
      }
      return read.ms;
    })
    .prefault(o.default)
    .meta({ description: `${o.description} A duration from ${range}.`, [DOC_TYPE]: 'duration' });
}

function problemOf(input: unknown): string {
  const read = parseDuration(input);
  return read.ok ? 'expected a duration' : read.problem;
}
