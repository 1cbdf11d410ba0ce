/**
 * `npm run bench`, part 3: engine memory is bounded by the number of scopes, not records. Streams
 * ten million synthetic calls (20 models at 4 providers, scattered noise, an eight-minute
 * OpenAI fault every seven hours) through the engine and prints RSS and heap at checkpoints.
 */
import { createEngine, type CallRecord } from '@faultline/core';

const TOTAL = Number(process.env.BENCH_ENGINE_RECORDS ?? 10_000_000);
const PROVIDERS = ['anthropic', 'openai', 'google', 'bedrock'];
const MODELS = PROVIDERS.flatMap((p) =>
  [1, 2, 3, 4, 5].map((n) => [p, `${p}-model-${n}`] as const),
);

let state = 12345;
const rnd = (): number => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 4294967296;
};

const engine = createEngine();
let events = 0;
engine.onChange(() => events++);
const start = Date.UTC(2026, 0, 1);
const t0 = performance.now();
const mib = (n: number): string => `${(n / (1 << 20)).toFixed(0)} MiB`;
for (let i = 0; i < TOTAL; i++) {
  const timeMs = start + i * 20; // 50 calls/s: ten million calls span about 2.3 days
  const [provider, model] = MODELS[Math.floor(rnd() * MODELS.length)]!;
  const hour = Math.floor(timeMs / 3_600_000);
  const inFault = hour % 7 === 3 && provider === 'openai' && (timeMs / 60_000) % 60 < 8;
  const r: CallRecord =
    (inFault && rnd() < 0.5) || rnd() < 0.003
      ? {
          ts: timeMs,
          provider,
          model,
          http_status: 503,
          error_type: 'service_unavailable_error',
          duration_ms: 200,
        }
      : {
          ts: timeMs,
          provider,
          model,
          http_status: 200,
          stop_reason: 'stop',
          output_chars: 300,
          duration_ms: 800 + rnd() * 600,
        };
  engine.ingest(r, timeMs);
  if ((i + 1) % 2_000_000 === 0) {
    const m = process.memoryUsage();
    console.log(
      `  ${(i + 1).toLocaleString('en-US')} records: RSS ${mib(m.rss)}, heap used ${mib(m.heapUsed)}`,
    );
  }
}
const seconds = (performance.now() - t0) / 1000;
const incidents = engine.incidents();
console.log(
  `engine: ${TOTAL.toLocaleString('en-US')} records in ${seconds.toFixed(1)} s (${(TOTAL / seconds / 1e6).toFixed(2)} M/s), ` +
    `${incidents.length} incidents, ${events} verdict changes, RSS ${mib(process.memoryUsage().rss)} (target < 300 MiB)`,
);
