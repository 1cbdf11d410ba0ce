/**
 * `npm run bench`, part 2: what `instrumentFetch` costs per call (client CPU, µs and ratio,
 * non-streaming and streaming), TTFT with and without the stream tap, and the fake provider's
 * throughput in requests/s. The provider runs in its own process.
 */
import { Agent, request } from 'node:http';
import { createMemorySink, instrumentFetch } from '@faultline/sdk';
import { startProviderProcess } from './fake-provider-process.js';

const CALLS = Number(process.env.BENCH_CALLS ?? 3000);
const ROUNDS = 5;
const body = (stream: boolean): string =>
  JSON.stringify({
    model: 'claude-opus-4-7',
    max_tokens: 64,
    stream,
    messages: [{ role: 'user', content: 'hello there' }],
  });

type Fetch = typeof globalThis.fetch;

async function callOnce(f: Fetch, url: string, stream: boolean): Promise<void> {
  const res = await f(`${url}/v1/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-api-key': 'k',
      'anthropic-version': '2023-06-01',
    },
    body: body(stream),
  });
  // As the SDKs consume bodies: json() for JSON, the body stream for SSE.
  if (stream) await res.arrayBuffer();
  else await res.json();
}

/** Client CPU µs per call over `calls` sequential calls. */
async function cpuPerCall(f: Fetch, url: string, stream: boolean, calls: number): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < calls; i++) await callOnce(f, url, stream);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / calls;
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Milliseconds until the first content event reaches the reader. */
async function ttft(f: Fetch, url: string): Promise<number> {
  const t0 = performance.now();
  const res = await f(`${url}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body(true),
  });
  const reader: ReadableStreamDefaultReader<Uint8Array> = res.body!.getReader();
  const decoder = new TextDecoder();
  let seen = '';
  let first = NaN;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    seen += decoder.decode(value, { stream: true });
    if (Number.isNaN(first) && seen.includes('text_delta')) first = performance.now() - t0;
  }
  return first;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Requests/s the provider serves to `concurrency` keep-alive clients for `seconds`. */
async function throughput(url: string, concurrency: number, seconds: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const { hostname, port } = new URL(url);
  const payload = body(false);
  const end = performance.now() + seconds * 1000;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (performance.now() < end) {
      await new Promise<void>((ok, fail) => {
        const req = request(
          {
            agent,
            hostname,
            port,
            path: '/v1/messages',
            method: 'POST',
            headers: { 'content-type': 'application/json' },
          },
          (res) =>
            res
              .on('data', () => undefined)
              .on('end', ok)
              .on('error', fail),
        );
        req.on('error', fail);
        req.end(payload);
      });
      done++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return done / ((performance.now() - t0) / 1000);
}

/**
 * The instrument's own CPU per call with no network at all: the underlying fetch returns a ready
 * Response, so the difference is exactly what instrumentFetch adds (parse, tap, checks, record).
 */
async function isolatedOverhead(): Promise<{ base: number; added: number }> {
  const json = JSON.stringify({
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    content: [{ type: 'text', text: ' word'.repeat(40) }],
    stop_reason: 'end_turn',
    usage: { input_tokens: 3, output_tokens: 40 },
  });
  const headers = { 'content-type': 'application/json', 'request-id': 'req_1' };
  const direct: Fetch = () => Promise.resolve(new Response(json, { status: 200, headers }));
  const wrapped = instrumentFetch({
    provider: 'anthropic',
    sink: createMemorySink({ maxRecords: 100 }),
    fetch: direct,
  });
  const run = async (f: Fetch, n: number): Promise<number> => {
    const before = process.cpuUsage();
    for (let i = 0; i < n; i++) await callOnce(f, 'https://api.anthropic.com', false);
    const used = process.cpuUsage(before);
    return (used.user + used.system) / n;
  };
  await run(direct, 20_000);
  await run(wrapped, 20_000);
  const b: number[] = [];
  const w: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    b.push(await run(direct, 20_000));
    w.push(await run(wrapped, 20_000));
  }
  return { base: median(b), added: median(w) - median(b) };
}

const isolated = await isolatedOverhead();
console.log(
  `instrumentFetch CPU per non-streaming call, no network (fetch returns a ready Response): ` +
    `+${isolated.added.toFixed(1)} µs over ${isolated.base.toFixed(1)} µs (target ≤ 50 µs)`,
);

const provider = await startProviderProcess(['--tokens-per-second', '0']);
try {
  const instrumented = instrumentFetch({
    provider: 'anthropic',
    sink: createMemorySink({ maxRecords: 1000 }),
  });
  console.log(
    `over loopback to the fake provider, ${CALLS * ROUNDS} sequential calls each, alternating blocks of 200, mean client CPU:`,
  );
  for (const stream of [false, true]) {
    for (let i = 0; i < 300; i++) {
      await callOnce(fetch, provider.url, stream);
      await callOnce(instrumented, provider.url, stream);
    }
    // Alternate small blocks so both see the same GC and JIT conditions (loopback CPU is noisy).
    const block = 200;
    const plain: number[] = [];
    const ours: number[] = [];
    for (let done = 0; done < CALLS * ROUNDS; done += block) {
      plain.push(await cpuPerCall(fetch, provider.url, stream, block));
      ours.push(await cpuPerCall(instrumented, provider.url, stream, block));
    }
    const p = mean(plain);
    const o = mean(ours);
    const label = stream ? 'streaming    ' : 'non-streaming';
    console.log(
      `  ${label}  plain ${p.toFixed(0)} µs/call, instrumented ${o.toFixed(0)} µs/call: ` +
        `+${(o - p).toFixed(1)} µs (${(o / p).toFixed(2)}×)`,
    );
  }
  const slow = await startProviderProcess(['--tokens-per-second', '200']);
  try {
    const plainTtft: number[] = [];
    const ourTtft: number[] = [];
    for (let i = 0; i < 60; i++) {
      plainTtft.push(await ttft(fetch, slow.url));
      ourTtft.push(await ttft(instrumented, slow.url));
    }
    console.log(
      `TTFT at 200 tokens/s, 60 streams each, median: plain ${median(plainTtft).toFixed(2)} ms, ` +
        `tapped ${median(ourTtft).toFixed(2)} ms (difference ${(median(ourTtft) - median(plainTtft)).toFixed(2)} ms)`,
    );
  } finally {
    await slow.stop();
  }
  const rps = await throughput(provider.url, 32, 5);
  console.log(
    `fake provider: ${rps.toFixed(0)} non-streaming requests/s, 32 keep-alive clients, 5 s (target ≥ 3000)`,
  );
} finally {
  await provider.stop();
}
