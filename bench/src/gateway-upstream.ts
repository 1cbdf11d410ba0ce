/**
 * The gateway benchmark's tiny upstream, run as its own process: a small OpenAI-style chat
 * completion, or an SSE stream when the body asks for `"stream":true`. A body carrying
 * `"bench_hold_ms":N` makes a long-lived stream: a chunk each second for N ms. Prints its port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const COMPLETION = Buffer.from(
  JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'gpt-4o-mini',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: 'Hello there.' },
        finish_reason: 'stop',
      },
    ],
    usage: { prompt_tokens: 9, completion_tokens: 3, total_tokens: 12 },
  }),
);

/** One OpenAI stream chunk as an SSE event. */
function event(delta: Record<string, string>, finish: string | null): string {
  const chunk = {
    id: 'chatcmpl-bench',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'gpt-4o-mini',
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

const FIRST = event({ role: 'assistant', content: 'Hello' }, null);
const REST = event({ content: ' there.' }, null) + event({}, 'stop') + 'data: [DONE]\n\n';
const TICK = event({ content: '.' }, null);

function answer(body: string, res: ServerResponse): void {
  if (!body.includes('"stream":true')) {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': COMPLETION.length });
    return void res.end(COMPLETION);
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.write(FIRST);
  const hold = /"bench_hold_ms":(\d+)/.exec(body);
  if (hold === null) return void res.end(REST);
  const timer = setInterval(() => res.write(TICK), 1_000);
  const stop = (): void => clearInterval(timer);
  res.once('close', stop);
  setTimeout(() => {
    stop();
    res.end(REST);
  }, Number(hold[1]));
}

const server = createServer({ keepAliveTimeout: 60_000 }, (req: IncomingMessage, res) => {
  const parts: Buffer[] = [];
  req.on('data', (c: Buffer) => parts.push(c));
  req.on('end', () => answer(Buffer.concat(parts).toString('utf8'), res));
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`port ${(server.address() as AddressInfo).port}\n`);
});
