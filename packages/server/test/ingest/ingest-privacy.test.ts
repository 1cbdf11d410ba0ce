// Records posted by any client lose prompt, output and credential fields, and credential shapes
// in every other string are masked, before they are stored (call-record.md: nothing in a record
// may carry prompt text, output text, or credentials). Everything else stays as ingested.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scrubRecord } from '../../src/ingest/scrub-record.js';
import { callLine, post, startIngestServer, stored, type IngestServer } from './ingest-server.js';

let server: IngestServer;
beforeEach(async () => {
  server = await startIngestServer();
});
afterEach(async () => {
  await server.close();
});

const KEY = 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';

describe('privacy at ingest', () => {
  it('drops prompt, output and credential fields and masks keys elsewhere, keeping the rest', async () => {
    const now = Date.now();
    const line = callLine(now, {
      prompt: 'summarise the quarterly numbers for ACME',
      messages: [{ role: 'user', content: 'secret plans' }],
      Output_Text: 'the answer',
      api_key: KEY,
      http_status: 401,
      error_message: `invalid x-api-key ${KEY}`,
      team: 'search',
      nested: { note: `Bearer ${KEY}` },
    });
    const res = await post(server, line);
    expect(res.status).toBe(200);
    const [row] = await stored(server);
    expect(row).toBeDefined();
    const json = row?.json ?? '';
    for (const gone of ['summarise', 'secret plans', 'the answer', KEY, 'AbCdEfGh']) {
      expect(json).not.toContain(gone);
    }
    const record = JSON.parse(json) as Record<string, unknown>;
    for (const field of ['prompt', 'messages', 'Output_Text', 'api_key']) {
      expect(Object.keys(record)).not.toContain(field);
    }
    expect(record.team).toBe('search');
    expect(record.error_message).toMatch(/^invalid x-api-key \[redacted\]$/);
    expect(record.nested).toEqual({ note: 'Bearer [redacted]' });
    expect(record.classification).toMatchObject({ layer: expect.any(String) as unknown });
  });

  it('keeps a clean record byte for byte', async () => {
    const now = Date.now();
    const line = `{"ts": ${now}, "provider":"openai","model":"gpt-5.1", "zz": {"a": [1, 2.50]}, "basis": "keys and tokens"}`;
    await post(server, line);
    const [row] = await stored(server);
    expect(row?.json.startsWith(line.slice(0, -1))).toBe(true);
    expect(scrubRecord(JSON.parse(line) as object, line)).toBeUndefined();
  });
});
