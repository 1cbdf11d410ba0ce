// Generators of call records and status observations with every field of spec/call-record.md.
import fc from 'fast-check';
import {
  ABORTED_BY,
  COMPONENT_STATUSES,
  LATEST_TIME_MS,
  SOURCES,
  type CallRecord,
  type StatusObservation,
} from '../../src/index.js';

/** A generated record and the epoch milliseconds its `ts` stands for. */
export interface Timed<R> {
  readonly record: R;
  readonly timeMs: number;
}

/** `+ 0` turns -0 (which JSON writes as 0) into 0, so a round trip compares equal. */
const millis = fc.oneof(fc.nat(), fc.double({ min: 0, max: 1e12, noNaN: true })).map((v) => v + 0);
const text = fc.string({ unit: 'binary', maxLength: 40 });
const nonEmpty = fc.string({ unit: 'binary', minLength: 1, maxLength: 30 });

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** RFC 3339 text for `utcMs` in a zone `offsetMin` east of UTC, in the spellings §5.6 allows. */
function rfc3339(
  utcMs: number,
  offsetMin: number,
  sep: string,
  zulu: string,
  frac: string,
): string {
  const local = new Date(utcMs + offsetMin * 60_000).toISOString().slice(0, 19);
  const ms = pad(utcMs % 1000, 3);
  const zone =
    offsetMin === 0 && zulu !== ''
      ? zulu
      : `${offsetMin < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offsetMin) / 60), 2)}:${pad(Math.abs(offsetMin) % 60, 2)}`;
  return `${local.slice(0, 10)}${sep}${local.slice(11)}.${ms}${frac}${zone}`;
}

/** A record time as epoch milliseconds or RFC 3339 text, with the instant it names. */
export const timestamp: fc.Arbitrary<{ ts: string | number; timeMs: number }> = fc.oneof(
  millis.filter((ms) => ms <= LATEST_TIME_MS).map((ms) => ({ ts: ms, timeMs: ms })),
  fc
    .record({
      utcMs: fc.integer({ min: 2 * 86_400_000, max: LATEST_TIME_MS - 2 * 86_400_000 }),
      offsetMin: fc.oneof(fc.constant(0), fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 })),
      sep: fc.constantFrom('T', 't', ' '),
      zulu: fc.constantFrom('Z', 'z', ''),
      frac: fc.constantFrom('', '9', '000001'),
    })
    .map((t) => ({
      ts: rfc3339(t.utcMs, t.offsetMin, t.sep, t.zulu, t.frac),
      timeMs: t.utcMs,
    })),
);

/** Unknown fields, which readers keep and ignore; `x_` keeps them apart from the spec's names. */
export const extraFields = fc.dictionary(
  fc.string({ maxLength: 10 }).map((k) => `x_${k}`),
  // Through JSON once: `jsonValue` may hold -0, which JSON writes as 0.
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown),
  { maxKeys: 3 },
);

/** The optional fields of a call, each of its spec type. */
export const callFields = {
  kind: fc.constant('call' as const),
  duration_ms: millis,
  ttft_ms: millis,
  http_status: fc.integer({ min: 100, max: 599 }),
  error_type: text,
  error_code: text,
  error_message: fc.string({ unit: 'binary', maxLength: 500 }),
  content_type: text,
  request_id: text,
  retry_after_ms: millis,
  network_error: text,
  aborted_by: fc.constantFrom(...ABORTED_BY),
  timeout_ms: millis,
  stream: fc.boolean(),
  stream_error_type: text,
  stream_completed: fc.boolean(),
  stop_reason: text,
  input_tokens: fc.nat(),
  output_tokens: fc.nat(),
  output_chars: fc.nat(),
  checks: fc.dictionary(text, fc.boolean(), { maxKeys: 3 }),
  attempt: fc.integer({ min: 1, max: 1000 }),
  source: fc.constantFrom(...SOURCES),
  app: text,
  server_address: text,
  edge: text,
};

/** A call record built from `fields` (the spec's types by default), with unknown fields too. */
export function callRecord(
  fields: { [K in keyof typeof callFields]?: fc.Arbitrary<unknown> } = callFields,
): fc.Arbitrary<Timed<CallRecord>> {
  return fc
    .tuple(timestamp, nonEmpty, nonEmpty, fc.record(fields, { requiredKeys: [] }), extraFields)
    .map(([t, provider, model, optional, extra]) => ({
      record: { ...extra, ...optional, ts: t.ts, provider, model } as CallRecord,
      timeMs: t.timeMs,
    }));
}

/** A status observation with an optional incident title. */
export const statusObservation: fc.Arbitrary<Timed<StatusObservation>> = fc
  .tuple(
    timestamp,
    nonEmpty,
    nonEmpty,
    fc.constantFrom(...COMPONENT_STATUSES),
    fc.option(text, { nil: undefined }),
    extraFields,
  )
  .map(([t, provider, component, status, incident, extra]) => ({
    record: {
      ...extra,
      kind: 'status',
      ts: t.ts,
      provider,
      component,
      status,
      ...(incident === undefined ? {} : { incident }),
    },
    timeMs: t.timeMs,
  }));
