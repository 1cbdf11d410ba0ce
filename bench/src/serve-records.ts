/**
 * Records for the service benchmarks: the scenario library's production-like call mix (successes,
 * 429s, 529s, 5xx, timeouts, aborts), restamped near the current time and framed as JSON Lines.
 */
import { classify, type CallRecord } from '@faultline/core';
import { generateCallMix } from '@faultline/scenarios';

/** A fixed mix of `count` call records (seeded, so every run sends the same traffic). */
export function callMix(count: number): CallRecord[] {
  return [...generateCallMix(count, 9)];
}

/** One JSON Lines body: `records` with `ts` set to `tsMs(i)`, ending in a newline. */
export function jsonLinesBody(records: readonly CallRecord[], tsMs: (i: number) => number): Buffer {
  let text = '';
  for (let i = 0; i < records.length; i++) {
    text += JSON.stringify({ ...records[i], ts: new Date(tsMs(i)).toISOString() }) + '\n';
  }
  return Buffer.from(text);
}

/**
 * `batches` bodies of `size` records each, taken in turn from `mix`: one stream in time order,
 * one record every `stepMs` from `startMs`, cut into batches (as one SDK batch sink sends it).
 */
export function batchBodies(
  mix: readonly CallRecord[],
  batches: number,
  size: number,
  startMs: number,
  stepMs = 0.01,
): Buffer[] {
  const bodies: Buffer[] = [];
  for (let b = 0; b < batches; b++) {
    const from = (b * size) % Math.max(1, mix.length - size);
    const slice = mix.slice(from, from + size);
    bodies.push(jsonLinesBody(slice, (i) => startMs + (b * size + i) * stepMs));
  }
  return bodies;
}

/** A row as the store keeps it (the columns of the `records` table). */
export interface RawRow {
  readonly tsMs: number;
  readonly kind: 'call';
  readonly provider: string;
  readonly model: string;
  readonly source: string;
  readonly layer: string;
  readonly json: string;
}

/** The rows the service would store for `records`, classification included, built ahead of timing. */
export function rawRows(records: readonly CallRecord[], nowMs: number): RawRow[] {
  return records.map((r, i) => {
    const c = classify(r);
    const ts = new Date(nowMs - 1000 + (i % 1000)).toISOString();
    return {
      tsMs: nowMs - 1000 + (i % 1000),
      kind: 'call',
      provider: r.provider,
      model: r.model,
      source: typeof r.source === 'string' ? r.source : '',
      layer: c.layer,
      json: JSON.stringify({ ...r, ts, classification: c }),
    };
  });
}

/**
 * Bodies for a schedule: the send due at `scheduledMs` carries the next `size` records of `mix`
 * (cycling), stamped evenly over the `periodMs` before it, as a batch sink flushing every period.
 */
export function scheduledBodies(
  mix: readonly CallRecord[],
  size: number,
  periodMs: number,
): (scheduledMs: number) => Buffer {
  let at = 0;
  return (scheduledMs) => {
    const slice: CallRecord[] = [];
    for (let i = 0; i < size; i++) slice.push(mix[(at + i) % mix.length]!);
    at = (at + size) % mix.length;
    return jsonLinesBody(slice, (i) => scheduledMs - periodMs + (i * periodMs) / size);
  };
}
