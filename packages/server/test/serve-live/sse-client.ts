// A small Server-Sent Events reader for GET /v1/events: frames with their wall-clock arrival time.
import { request, type ClientRequest } from 'node:http';

/** One `id:`/`event:`/`data:` frame as it arrived. */
export interface SseFrame {
  readonly id: string;
  readonly event: string;
  readonly data: string;
  /** Date.now() when the frame's last line arrived. */
  readonly wallMs: number;
}

export interface SseStream {
  readonly frames: SseFrame[];
  /** Comment lines seen (`: keep-alive`). */
  readonly comments: string[];
  readonly contentType: string;
  /** Resolves with the first frame that satisfies `match`, or rejects after `timeoutMs`. */
  waitFor(match: (f: SseFrame) => boolean, timeoutMs: number): Promise<SseFrame>;
  close(): void;
}

/** Opens the stream (with `Last-Event-ID` when given) and resolves once its headers arrived. */
export function openEvents(url: string, token: string, lastEventId?: string): Promise<SseStream> {
  const frames: SseFrame[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
  let req: ClientRequest;
  return new Promise((resolve, reject) => {
    req = request(`${url}/v1/events`, { headers }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = new Map<string, string>();
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line);
            const m = /^(\w+): ?(.*)$/.exec(line);
            if (m !== null) fields.set(m[1]!, m[2]!);
          }
          if (fields.has('data')) {
            frames.push({
              id: fields.get('id') ?? '',
              event: fields.get('event') ?? 'message',
              data: fields.get('data')!,
              wallMs: Date.now(),
            });
            for (const w of [...waiters]) w();
          }
        }
      });
      res.on('error', () => undefined);
      resolve({
        frames,
        comments,
        contentType: String(res.headers['content-type']),
        waitFor: (match, timeoutMs) =>
          new Promise((ok, fail) => {
            const check = (): void => {
              const f = frames.find(match);
              if (f === undefined) return;
              waiters.delete(check);
              clearTimeout(timer);
              ok(f);
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`no matching event in ${timeoutMs} ms (${frames.length} frames)`));
            }, timeoutMs);
            waiters.add(check);
            check();
          }),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}
