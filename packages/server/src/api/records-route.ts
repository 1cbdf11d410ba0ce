/** `GET /v1/records`: the stored records as JSON Lines, by `ts` then arrival (server-api.md). */
import { LAYERS, SOURCES } from '@faultline/core';
import type { Store } from '../store/port.js';
import { queryProblemResult, type ApiResult } from './api-result.js';
import {
  choiceParam,
  cursorParam,
  encodeCursor,
  limitParam,
  stringParam,
  timeParam,
} from './query-params.js';

const DAY_MS = 24 * 60 * 60 * 1000;

interface RecordCursor {
  readonly t: number;
  readonly q: number;
}

function isRecordCursor(v: unknown): v is RecordCursor {
  const c = v as Partial<RecordCursor> | null;
  return typeof c === 'object' && c !== null && Number.isFinite(c.t) && Number.isFinite(c.q);
}

/** One page of records; `Link: <…>; rel="next"` when there are more. */
export async function exportRecords(store: Store, url: URL, nowMs: number): Promise<ApiResult> {
  const params = url.searchParams;
  try {
    const toMs = timeParam(params, 'to') ?? nowMs + 1;
    const fromMs = timeParam(params, 'from') ?? toMs - DAY_MS;
    const limit = limitParam(params, 1000, 10_000);
    const cursor = cursorParam(params, isRecordCursor);
    const rows = await store.queryRecords({
      fromMs,
      toMs,
      kind: choiceParam(params, 'kind', ['call', 'status'] as const) ?? 'call',
      provider: stringParam(params, 'provider'),
      model: stringParam(params, 'model'),
      layer: choiceParam(params, 'layer', LAYERS),
      source: choiceParam(params, 'source', SOURCES),
      limit: limit + 1,
      after: cursor === undefined ? undefined : { tsMs: cursor.t, seq: cursor.q },
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const headers: Record<string, string> = {};
    if (rows.length > limit && last !== undefined) {
      const next = new URLSearchParams(params);
      // Pin the window, so a default `to` does not move between pages.
      next.set('from', new Date(fromMs).toISOString());
      next.set('to', new Date(toMs).toISOString());
      next.set('cursor', encodeCursor({ t: last.tsMs, q: last.seq } satisfies RecordCursor));
      headers.link = `<${url.pathname}?${next.toString()}>; rel="next"`;
    }
    const body = page.map((r) => r.json).join('\n');
    return {
      status: 200,
      contentType: 'application/x-ndjson; charset=utf-8',
      body: body === '' ? '' : `${body}\n`,
      headers,
    };
  } catch (e: unknown) {
    const refused = queryProblemResult(e);
    if (refused !== undefined) return refused;
    throw e;
  }
}
