/** The gateway benchmark's loads (direct, Faultline, Portkey) and its printed table of figures. */
import type { StreamsRss } from './gateway-streams.js';
import type { WrkFigures, WrkLoad } from './gateway-wrk.js';
import { int, spread, verdict } from './serve-stats.js';

/** How a request reaches the upstream. */
export type Via = 'direct' | 'faultline' | 'portkey';

/** Everything one run measured. */
export interface Figures {
  readonly wrk: (WrkFigures & { via: Via; stream: boolean; connections: number })[];
  readonly seq: { via: Via; stream: boolean; p50: number; p99: number; errors: number }[];
  rss: StreamsRss | undefined;
}

const BODY = '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}]}';
const STREAM_BODY = BODY.replace(/}$/, ',"stream":true}');

/** The same chat completion request for each way, streaming or not. */
export function loadsFor(
  upstream: string,
  faultline: string,
  portkey: string,
): Record<Via, (stream: boolean) => WrkLoad> {
  const make = (url: string, extra: Record<string, string>) => (stream: boolean) => {
    const body = stream ? STREAM_BODY : BODY;
    const headers = {
      'content-type': 'application/json',
      authorization: 'Bearer sk-bench-not-a-key',
      'content-length': String(Buffer.byteLength(body)),
      ...extra,
    };
    return { url, headers, body };
  };
  return {
    direct: make(`${upstream}/v1/chat/completions`, {}),
    faultline: make(`${faultline}/openai/chat/completions`, {}),
    portkey: make(`${portkey}/v1/chat/completions`, {
      'x-portkey-provider': 'openai',
      'x-portkey-custom-host': `${upstream}/v1`,
    }),
  };
}

const f2 = (n: number): string => n.toFixed(3);

/** Prints the tables and the Done-when targets. */
export function printReport(f: Figures, streams: number, load: string): void {
  const out: string[] = [`machine: ${load}`, ''];
  out.push(
    'wrk (1 thread)          conns      req/s    p50 ms    p99 ms  errors (non-2xx, socket)',
  );
  for (const w of f.wrk) {
    const name = `${w.via}${w.stream ? ' stream' : ''}`.padEnd(22);
    out.push(
      `${name} ${String(w.connections).padStart(6)} ${int(w.rps).padStart(10)} ${f2(w.p50).padStart(9)} ${f2(w.p99).padStart(9)} ${String(w.errors).padStart(7)}`,
    );
  }
  out.push('', 'sequential keep-alive client (1 in flight): whole answer, or TTFT for streams');
  for (const s of f.seq) {
    const name = `${s.via}${s.stream ? ' TTFT' : ''}`.padEnd(22);
    const failed = s.errors === 0 ? '' : `  (${s.errors} answers not 200: not comparable)`;
    out.push(`${name} p50 ${f2(s.p50)} ms  p99 ${f2(s.p99)} ms${failed}`);
  }
  const seq = (via: Via, stream: boolean) =>
    f.seq.find((s) => s.via === via && s.stream === stream)!;
  const rps = (via: Via, stream: boolean) =>
    f.wrk.find((w) => w.via === via && w.stream === stream && w.connections === 16)!.rps;
  const added50 = seq('faultline', false).p50 - seq('direct', false).p50;
  const added99 = seq('faultline', false).p99 - seq('direct', false).p99;
  const ttft = seq('faultline', true).p50 - seq('direct', true).p50;
  const vsPortkey = rps('faultline', false) / rps('portkey', false);
  const vsDirect = rps('faultline', false) / rps('direct', false);
  out.push('', 'Done when                                         figure      target');
  out.push(
    `added latency p50, 1 in flight             ${f2(added50).padStart(9)} ms  ≤ 0.3 ms  ${verdict(added50 <= 0.3)}`,
  );
  out.push(
    `added latency p99, 1 in flight             ${f2(added99).padStart(9)} ms  ≤ 1 ms    ${verdict(added99 <= 1)}`,
  );
  out.push(
    `req/s at 16 conns vs Portkey               ${vsPortkey.toFixed(1).padStart(10)}×  ≥ 10×     ${verdict(vsPortkey >= 10)}`,
  );
  out.push(
    `req/s at 16 conns vs direct                ${(100 * vsDirect).toFixed(0).padStart(10)}%  ≥ 25%     ${verdict(vsDirect >= 0.25)}`,
  );
  out.push(
    `TTFT p50 over direct                       ${f2(ttft).padStart(9)} ms  ≤ 1 ms    ${verdict(ttft <= 1)}`,
  );
  if (f.rss !== undefined) {
    const r = f.rss;
    const s = spread(r.samplesMiB);
    const range = `${Math.min(...r.samplesMiB).toFixed(0)}–${Math.max(...r.samplesMiB).toFixed(0)} MiB`;
    out.push(
      `RSS with ${int(streams)} open streams (idle ${r.idleMiB.toFixed(0)} MiB) ${range.padStart(14)}  flat ±10% ${verdict(s <= 0.1 && r.completed === streams)}`,
    );
    out.push(
      `  ${r.samplesMiB.length} samples, spread ${(100 * s).toFixed(1)}%, ${r.completed}/${streams} streams ended with 200`,
    );
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
