// Edge cases a review found: clocks far ahead, records nested too deep to store again, a byte
// order mark before JSON, and an empty gzip-encoded body.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callLine, post, startIngestServer, stored, type IngestServer } from './ingest-server.js';

let server: IngestServer;
beforeEach(async () => {
  server = await startIngestServer();
});
afterEach(async () => {
  await server.close();
});

interface Answer {
  accepted: number;
  rejected: { line: number; field: string; reason: string }[];
}

describe('ingest edges', () => {
  it('refuses a record more than 5 minutes ahead of the server clock, and keeps one a minute ahead', async () => {
    const now = Date.now();
    const res = await post(server, [callLine(now + 60_000), callLine(now + 3_600_000)].join('\n'));
    const answer = (await res.json()) as Answer;
    expect(answer.accepted).toBe(1);
    expect(answer.rejected).toEqual([
      {
        line: 2,
        field: 'ts',
        reason: expect.stringMatching(/ahead of the server clock/) as unknown,
      },
    ]);
  });

  it('rejects a JSON array element nested too deeply to store, alone, with 200', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const now = Date.now();
    const body = `[${callLine(now)},{"ts":${now},"provider":"p","model":"m","x":${deep}}]`;
    const res = await post(server, body, { 'content-type': 'application/json' });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as Answer;
    expect(answer.accepted).toBe(1);
    expect(answer.rejected).toMatchObject([{ line: 2, field: 'record' }]);
  });

  it('reads a JSON body that starts with a byte order mark', async () => {
    const res = await post(server, `\uFEFF${callLine(Date.now())}`, {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Answer).accepted).toBe(1);
  });

  it('answers 200 with nothing accepted for an empty body marked gzip', async () => {
    const res = await post(server, new Uint8Array(0), { 'content-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Answer).accepted).toBe(0);
    expect(await stored(server)).toEqual([]);
  });
});
