/** The `--max-line-bytes` option shared by the commands that read JSON Lines. */
import { DEFAULT_MAX_LINE_BYTES, UsageError } from '@faultline/core';
import type { OptionSpecs } from './command/option-spec.js';

/** The largest cap accepted: a JavaScript string holds a little over 2^29 UTF-16 units. */
const LIMIT = 256 << 20;

/** The option as a command declares it. */
export const MAX_LINE_BYTES_OPTIONS = {
  'max-line-bytes': {
    type: 'string',
    value: 'N',
    description: 'skip (and report) lines longer than N bytes',
    defaultHelp: `${DEFAULT_MAX_LINE_BYTES}, 1 MiB`,
  },
} as const satisfies OptionSpecs;

/** The cap given on the command line, or the default; a usage error unless a whole number of bytes. */
export function parseMaxLineBytes(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_LINE_BYTES;
  const n = /^[0-9]+$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 1 && n <= LIMIT)) {
    throw new UsageError(`--max-line-bytes must be a whole number from 1 to ${LIMIT}`);
  }
  return n;
}
