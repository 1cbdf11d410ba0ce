// The SQL of a records query: only the filters asked for, so the (ts_ms, seq) index does the work.
import type { RecordQuery } from '../port.js';

/** A statement text (one per combination of filters, so it can be prepared once) and its values. */
export interface QuerySql {
  readonly sql: string;
  readonly params: readonly (string | number)[];
}

const FILTERS = ['provider', 'model', 'layer', 'source'] as const;

/** Builds the SELECT of GET /v1/records: `[from, to)` on ts, filters, after the cursor, ts then seq. */
export function recordQuerySql(query: RecordQuery, columns: string): QuerySql {
  const where = ['kind = ?', 'ts_ms >= ?', 'ts_ms < ?'];
  const params: (string | number)[] = [query.kind, query.fromMs, query.toMs];
  for (const name of FILTERS) {
    const value = query[name];
    if (value === undefined) continue;
    where.push(`${name} = ?`);
    params.push(value);
  }
  if (query.after !== undefined) {
    where.push('(ts_ms, seq) > (?, ?)');
    params.push(query.after.tsMs, query.after.seq);
  }
  params.push(Math.max(0, query.limit));
  const sql = `SELECT ${columns} FROM records WHERE ${where.join(' AND ')} ORDER BY ts_ms, seq LIMIT ?`;
  return { sql, params };
}
