// Rows the contract suite stores: calls and status observations with JSON that must come back as is.
import type { RecordRow } from '../../src/store/port.js';

/** A call row at `tsMs`; its JSON names its own columns so a mix-up shows in the text. */
export function callRow(tsMs: number, over: Partial<Omit<RecordRow, 'json'>> = {}): RecordRow {
  const cols = {
    tsMs,
    kind: 'call' as const,
    provider: 'openai',
    model: 'gpt-4o',
    source: 'sdk',
    layer: 'none',
    ...over,
  };
  const json = JSON.stringify({
    ts: new Date(cols.tsMs).toISOString(),
    provider: cols.provider,
    model: cols.model,
    source: cols.source,
    classification: { layer: cols.layer },
  });
  return { ...cols, json };
}

/** A status observation row at `tsMs`. */
export function statusRow(tsMs: number, provider = 'anthropic'): RecordRow {
  const json = JSON.stringify({ kind: 'status', ts: new Date(tsMs).toISOString(), provider });
  return { tsMs, kind: 'status', provider, model: '', source: '', layer: '', json };
}

/**
 * JSON text no serialiser would write back the same way: odd spacing, key order, escapes kept as
 * escapes, numbers beyond double precision, unknown nested fields and text in several scripts.
 */
export const AWKWARD_JSON =
  '{ "ts" : "2026-11-22T04:12:03.000Z","provider":"anthropic", "zz_unknown": {"nested": [1, 2.50, 1e400, -0]},' +
  '"big": 12345678901234567890, "esc": "\\u00e9\\n\\"\\u2028", "text": "café ☕ 🧪 שלום 日本語 \u2028 \u00a0",' +
  '"a": null }';

/** A batch of call rows at consecutive milliseconds from `startMs`. */
export function callRows(startMs: number, count: number): RecordRow[] {
  return Array.from({ length: count }, (_, i) => callRow(startMs + i));
}
