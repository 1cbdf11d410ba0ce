/** The `--max-line-bytes` option shared by the commands that read JSON Lines. */
import { DEFAULT_MAX_LINE_BYTES } from '@faultline/core';
import { UsageError } from './usage-error.js';

/** The largest cap accepted: a JavaScript string holds a little over 2^29 UTF-16 units. */
const LIMIT = 256 << 20;

/** The option's `parseArgs` entry. */
export const MAX_LINE_BYTES_OPTION = { 'max-line-bytes': { type: 'string' } } as const;

/** Its line in a command's `--help`. */
export const MAX_LINE_BYTES_HELP = `  --max-line-bytes N
                 skip (and report) lines longer than N bytes (default ${DEFAULT_MAX_LINE_BYTES}, 1 MiB)`;

/** The cap given on the command line, or the default; a usage error unless a whole number of bytes. */
export function parseMaxLineBytes(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_LINE_BYTES;
  const n = /^[0-9]+$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 1 && n <= LIMIT)) {
    throw new UsageError(`--max-line-bytes must be a whole number from 1 to ${LIMIT}`);
  }
  return n;
}
