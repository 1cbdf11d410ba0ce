// Which SQLite failures mean "cannot write now" (ingest answers 503) rather than a bug.
import { StoreUnavailableError } from '../port.js';

/**
 * Result codes (https://www.sqlite.org/rescode.html) that a retry later may get past: the disk is
 * full, the file is locked or read-only, or the I/O failed. Extended codes share the prefix
 * (`SQLITE_BUSY_SNAPSHOT`, `SQLITE_IOERR_FSYNC`, `SQLITE_READONLY_DBMOVED`, …).
 */
const UNAVAILABLE = [
  'SQLITE_FULL',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_READONLY',
  'SQLITE_IOERR',
  'SQLITE_CANTOPEN',
  'SQLITE_PROTOCOL',
  'SQLITE_NOMEM',
];

function codeOf(e: unknown): string | undefined {
  if (!(e instanceof Error) || !('code' in e)) return undefined;
  return typeof e.code === 'string' ? e.code : undefined;
}

/** `e` as a StoreUnavailableError when SQLite says it cannot write now, else `e` unchanged. */
export function toStoreError(e: unknown): Error {
  const code = codeOf(e);
  if (!(e instanceof Error)) return new Error(String(e));
  if (code === undefined || !UNAVAILABLE.some((c) => code === c || code.startsWith(`${c}_`)))
    return e;
  return new StoreUnavailableError(`SQLite cannot write now (${code}): ${e.message}`, { cause: e });
}
