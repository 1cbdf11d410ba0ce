/** The `--max-sort-bytes` option of `faultline diagnose`: the memory it may use to sort its input. */
import { UsageError } from '@faultline/core';
import type { OptionSpecs } from '../command/option-spec.js';

/** The default cap: 512 MiB of record text, well inside Node's default heap. */
export const DEFAULT_MAX_SORT_BYTES = 512 << 20;

/** The largest cap accepted, 16 GiB; beyond the heap, Node stops with an out-of-memory error. */
const LIMIT = 16 * 2 ** 30;

/** The option as `faultline diagnose` declares it. */
export const MAX_SORT_BYTES_OPTIONS = {
  'max-sort-bytes': {
    type: 'string',
    value: 'N',
    description:
      'hold at most about N bytes of records to sort an out-of-order input; 0 never sorts: such input is refused',
    defaultHelp: `${DEFAULT_MAX_SORT_BYTES}, 512 MiB`,
  },
} as const satisfies OptionSpecs;

/** The cap given on the command line, or the default; a usage error unless a whole number of bytes. */
export function parseMaxSortBytes(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_SORT_BYTES;
  const n = /^[0-9]+$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 0 && n <= LIMIT)) {
    throw new UsageError(`--max-sort-bytes must be a whole number from 0 to ${LIMIT}`);
  }
  return n;
}
