// Tells a PostgreSQL outage (the server down, restarting, unreachable, out of room) from a bug.
import { StoreUnavailableError, isStoreUnavailableError } from '../port.js';

/** Socket error codes from Node's `net` and `dns` (nodejs.org/api/errors.html#common-system-errors). */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATE classes and codes that mean "not now" rather than "wrong"
 * (postgresql.org/docs/current/errcodes-appendix.html): 08 connection exception, 53 insufficient
 * resources (disk full, too many connections), 57P01–57P03 shutdown / cannot connect now, 58 system
 * error (I/O), 25006 read-only transaction (a standby after a failover).
 */
function isTransientSqlState(code: string): boolean {
  return (
    code.startsWith('08') ||
    code.startsWith('53') ||
    code.startsWith('58') ||
    code === '57P01' ||
    code === '57P02' ||
    code === '57P03' ||
    code === '25006'
  );
}

/**
 * Messages node-postgres (pg 8, `lib/client.js`, `pg-pool/index.js`) gives connection failures
 * without a code: a socket closed under a query, a pool connect timeout, a client already broken.
 */
const DRIVER_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /Client was closed and is not queryable/,
];

/** True when `e` (or its `cause`, or one of an `AggregateError`'s errors) is an outage. */
export function isUnavailable(e: unknown, depth = 0): boolean {
  if (depth > 4 || typeof e !== 'object' || e === null) return false;
  if (isStoreUnavailableError(e)) return true;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || isTransientSqlState(code))) {
    return true;
  }
  if (e instanceof Error && DRIVER_MESSAGES.some((p) => p.test(e.message))) return true;
  if (e instanceof AggregateError && e.errors.some((x) => isUnavailable(x, depth + 1))) return true;
  return isUnavailable((e as { cause?: unknown }).cause, depth + 1);
}

/** `e` as a `StoreUnavailableError` when it is an outage; otherwise `e` unchanged. */
export function toStoreError(e: unknown): unknown {
  if (isStoreUnavailableError(e) || !isUnavailable(e)) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return new StoreUnavailableError(`PostgreSQL is unavailable: ${detail}`, { cause: e });
}
