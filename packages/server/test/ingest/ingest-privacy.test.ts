// Records posted by any client lose prompt, output and credential fields, and credential shapes
// in every other string are masked, before they are stored (call-record.md: nothing in a record
// may carry prompt text, output text, or credentials). Everything else stays as ingested.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTextFieldName, scrubRecord } from '../../src/ingest/scrub-record.js';
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

describe('privacy at ingest: names and shapes that hide', () => {
  it('masks a key spelled with \\u escapes in the JSON text', async () => {
    const now = Date.now();
    const escaped = KEY.replace('sk-', '\\u0073k-');
    const line =
      callLine(now, { http_status: 401 }).slice(0, -1) + `,"error_message":"bad ${escaped}"}`;
    await post(server, line);
    const [row] = await stored(server);
    expect(JSON.parse(row?.json ?? '{}')).toMatchObject({ error_message: 'bad [redacted]' });
    expect(row?.json).not.toContain('AbCdEfGh');
  });

  it('drops prompt and output fields nested in unknown objects and under namespaced names', async () => {
    const now = Date.now();
    const line = callLine(now, {
      metadata: { team: 'search', prompt: 'nested prompt text', turns: [{ content: 'turn text' }] },
      'gen_ai.prompt': 'otel prompt text',
      'llm.input_messages': [{ role: 'user', text: 'otel messages text' }],
      userPrompt: 'camel prompt text',
      client_secret: 'hunter2hunter2',
      prompt_tokens: 120,
      checks: { text: true, json: false },
    });
    await post(server, line);
    const [row] = await stored(server);
    const json = row?.json ?? '';
    for (const gone of ['prompt text', 'turn text', 'messages text', 'hunter2']) {
      expect(json).not.toContain(gone);
    }
    const record = JSON.parse(json) as Record<string, unknown>;
    expect(record.metadata).toEqual({ team: 'search', turns: [{}] });
    // Counts and boolean checks carry no text and stay.
    expect(record.prompt_tokens).toBe(120);
    expect(record.checks).toEqual({ text: true, json: false });
    expect(scrubRecord(JSON.parse(line) as object, line)?.dropped).toEqual([
      'metadata.prompt',
      'metadata.turns.content',
      'gen_ai.prompt',
      'llm.input_messages',
      'userPrompt',
      'client_secret',
    ]);
  });

  it('masks key shapes in object keys and in status observations', async () => {
    const now = Date.now();
    await post(
      server,
      [
        callLine(now, { extra: { [KEY]: 1 } }),
        JSON.stringify({
          kind: 'status',
          ts: now,
          provider: 'anthropic',
          component: 'API',
          status: 'degraded_performance',
          incident: `Elevated errors for ${KEY}`,
        }),
      ].join('\n'),
    );
    const rows = await stored(server);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.json).not.toContain('AbCdEfGh');
    expect(rows.map((r) => JSON.parse(r.json) as Record<string, unknown>)).toMatchObject([
      { extra: { '[redacted]': 1 } },
      { incident: 'Elevated errors for [redacted]' },
    ]);
  });

  it('keeps every field call-record.md names, and what pollers add to status readings', () => {
    const fields =
      'aborted_by app attempt checks component content_type duration_ms edge error_code error_message error_type http_status incident input_tokens output_tokens kind model network_error output_chars provider request_id retry_after_ms server_address source status stop_reason stream stream_completed stream_error_type timeout_ms ts ttft_ms first_seen models component_id incident_id page_id page_started_at page_posted_at page_updated_at classification'.split(
        ' ',
      );
    const record = Object.fromEntries(fields.map((f) => [f, `value of ${f}`]));
    expect(fields.filter((f) => isTextFieldName(f))).toEqual([]);
    expect(scrubRecord(record, JSON.stringify(record))).toBeUndefined();
  });

  it('refuses a record nested past 64 levels instead of storing its depths unchecked', async () => {
    const now = Date.now();
    let deep = JSON.stringify(KEY);
    for (let i = 0; i < 70; i++) deep = `{"a":${deep}}`;
    const line = callLine(now).slice(0, -1) + `,"extra":${deep}}`;
    const res = await post(server, `${callLine(now)}\n${line}`);
    const answer = (await res.json()) as { accepted: number; rejected: unknown[] };
    expect(answer.accepted).toBe(1);
    expect(answer.rejected).toMatchObject([{ line: 2, field: 'record' }]);
    for (const row of await stored(server)) expect(row.json).not.toContain('AbCdEfGh');
  });
});
