// A loopback HTTP server that answers each request as its scenario says: status, headers, encoding, framing, faults.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';

export const BODY_KINDS = [
  'json',
  'error-json',
  'text',
  'empty',
  'sse-anthropic',
  'sse-openai',
  'sse-gemini',
] as const;
export const ENDINGS = [
  'complete',
  'reset-before-headers',
  'reset-mid-body',
  'short-body',
] as const;

export interface Scenario {
  readonly status: number;
  readonly kind: (typeof BODY_KINDS)[number];
  readonly encoding: 'identity' | 'gzip' | 'br' | 'deflate';
  readonly chunked: boolean;
  /** Where the body is cut into writes, as fractions of its length. */
  readonly cuts: readonly number[];
  readonly delayMs: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly ending: (typeof ENDINGS)[number];
  /** Where a reset or short body stops, as a fraction of the body. */
  readonly stopAt: number;
  /** Error bodies quote the request's prompt and key back, as validation errors do. */
  readonly echo: boolean;
  readonly texts: readonly string[];
  readonly stopReason: string;
}

const HEADER_NAMES = [
  'x-request-id',
  'request-id',
  'retry-after',
  'retry-after-ms',
  'set-cookie',
  'cache-control',
  'x-amzn-errortype',
  'x-custom',
] as const;

/** Scenarios worth trying: mostly 200s, every error class, every body shape and fault. */
export const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  status: fc.constantFrom(200, 200, 200, 201, 204, 400, 401, 404, 408, 413, 429, 500, 503, 529),
  kind: fc.constantFrom(...BODY_KINDS),
  encoding: fc.constantFrom('identity', 'identity', 'gzip', 'br', 'deflate'),
  chunked: fc.boolean(),
  cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
  delayMs: fc.integer({ min: 0, max: 3 }),
  headers: fc.array(
    fc.tuple(fc.constantFrom(...HEADER_NAMES), fc.stringMatching(/^[A-Za-z0-9._=-]{1,16}$/)),
    { maxLength: 4 },
  ),
  ending: fc.constantFrom('complete', 'complete', 'complete', ...ENDINGS),
  stopAt: fc.double({ min: 0, max: 1, noNaN: true }),
  echo: fc.boolean(),
  texts: fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { minLength: 1, maxLength: 4 }),
  stopReason: fc.constantFrom('end_turn', 'max_tokens', 'stop', 'length', 'STOP', 'refusal'),
});

const sse = (name: string | undefined, data: unknown, eol = '\n'): string =>
  `${name === undefined ? '' : `event: ${name}${eol}`}data: ${JSON.stringify(data)}${eol}${eol}`;

/** The body a scenario answers with, given what the request said. */
function payload(s: Scenario, prompt: string, key: string): [string | undefined, string] {
  const said = s.echo
    ? `Invalid value for 'messages[0].content': '${prompt}'. Incorrect API key provided: ${key}`
    : 'Something went wrong';
  switch (s.kind) {
    case 'json':
      return [
        'application/json',
        JSON.stringify({
          choices: [{ message: { content: s.texts.join('') }, finish_reason: s.stopReason }],
        }),
      ];
    case 'error-json':
      return [
        'application/json',
        JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message: said } }),
      ];
    case 'text':
      return ['text/plain; charset=utf-8', s.echo ? said : s.texts.join('')];
    case 'empty':
      return [undefined, ''];
    case 'sse-anthropic':
      return [
        'text/event-stream',
        sse('message_start', {
          type: 'message_start',
          message: { model: 'm', usage: { input_tokens: 3, output_tokens: 1 } },
        }) +
          s.texts
            .map((t) =>
              sse('content_block_delta', {
                type: 'content_block_delta',
                index: 0,
                delta: { type: 'text_delta', text: t },
              }),
            )
            .join('') +
          sse('message_delta', {
            type: 'message_delta',
            delta: { stop_reason: s.stopReason },
            usage: { output_tokens: 7 },
          }) +
          sse('message_stop', { type: 'message_stop' }),
      ];
    case 'sse-openai':
      return [
        'text/event-stream; charset=utf-8',
        s.texts
          .map((t) => sse(undefined, { choices: [{ index: 0, delta: { content: t } }] }))
          .join('') +
          sse(undefined, { choices: [{ index: 0, delta: {}, finish_reason: s.stopReason }] }) +
          'data: [DONE]\n\n',
      ];
    case 'sse-gemini':
      return [
        'text/event-stream',
        s.texts
          .map((t, i) =>
            sse(
              undefined,
              {
                candidates: [
                  {
                    content: { parts: [{ text: t }] },
                    ...(i === s.texts.length - 1 ? { finishReason: s.stopReason } : {}),
                  },
                ],
              },
              '\r\n',
            ),
          )
          .join(''),
      ];
  }
}

function encode(s: Scenario, body: Buffer): Buffer {
  if (s.encoding === 'gzip') return gzipSync(body);
  if (s.encoding === 'br') return brotliCompressSync(body);
  if (s.encoding === 'deflate') return deflateSync(body);
  return body;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function answer(
  s: Scenario,
  req: IncomingMessage,
  res: ServerResponse,
  reqBody: string,
): Promise<void> {
  if (s.ending === 'reset-before-headers') return void req.socket.destroy();
  const prompt = (JSON.parse(reqBody) as { messages: { content: string }[] }).messages[0]!.content;
  const key = req.headers['x-api-key'] as string;
  const [contentType, text] = payload(s, prompt, key);
  const bytes = encode(s, Buffer.from(text, 'utf8'));
  const headers: [string, string][] = s.headers.map(([k, v]) => [k, v]);
  if (contentType !== undefined) headers.push(['content-type', contentType]);
  if (s.encoding !== 'identity') headers.push(['content-encoding', s.encoding]);
  const stop = s.ending === 'complete' ? bytes.length : Math.floor(bytes.length * s.stopAt);
  if (!s.chunked) headers.push(['content-length', String(bytes.length)]);
  res.writeHead(s.status, headers.flat());
  res.flushHeaders();
  const cuts = [...new Set([0, ...s.cuts.map((c) => Math.floor(c * stop)), stop])].sort(
    (a, b) => a - b,
  );
  for (let i = 0; i + 1 < cuts.length; i++) {
    // awaited, so a reset after it cannot discard bytes still in the socket's buffer
    await new Promise<void>((r) => res.write(bytes.subarray(cuts[i], cuts[i + 1]), () => r()));
    if (s.delayMs > 0) await sleep(s.delayMs);
  }
  if (s.ending === 'complete') return void res.end();
  if (s.ending === 'reset-mid-body') return void res.socket?.destroy();
  // short-body: the connection ends cleanly before the body does
  res.socket?.end();
}

export interface RandomServer {
  readonly url: string;
  /** Registers a scenario; requests whose query has `s=` the returned id get it. */
  add(s: Scenario): string;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1:0. */
export async function startRandomServer(): Promise<RandomServer> {
  const scenarios = new Map<string, Scenario>();
  const sockets = new Set<Socket>();
  let next = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => (body += d));
    req.on('end', () => {
      const s = scenarios.get(new URL(req.url ?? '/', 'http://x').searchParams.get('s') ?? '');
      if (s === undefined) return void res.writeHead(404).end();
      answer(s, req, res, body).catch(() => res.socket?.destroy());
    });
  });
  server.on('connection', (c: Socket) => {
    sockets.add(c);
    c.on('close', () => sockets.delete(c));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    add(s) {
      const id = String(next++);
      scenarios.set(id, s);
      return id;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const c of sockets) c.destroy();
        server.close(() => r());
      }),
  };
}
