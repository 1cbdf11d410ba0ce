// SQLite on a full disk (issue 14): a small tmpfs fills up under ingest; ingest answers 503 with
// Retry-After (never 500, no crash), takes records again once space is freed, and every record it
// acknowledged is in the store at the end.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportedIds } from '../serve/service-api.js';
import {
  eventually,
  serviceDir,
  startServe,
  TOKENS,
  type ServiceDir,
  type ServiceProcess,
} from '../serve/service-process.js';

const mountPoint = mkdtempSync(join(tmpdir(), 'faultline-full-disk-'));
let mounted: string | undefined;
/** Why the tmpfs could not be mounted (the test is skipped with it). */
let mountRefused = '';
let dir: ServiceDir | undefined;
let server: ServiceProcess | undefined;

beforeAll(() => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint], { stdio: 'pipe' });
    mounted = mountPoint;
  } catch (e: unknown) {
    mountRefused = e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e);
  }
});

afterAll(async () => {
  if (server !== undefined && server.child.exitCode === null) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  if (mounted !== undefined) execFileSync('umount', [mounted]);
  rmSync(mountPoint, { recursive: true, force: true });
  dir?.cleanup();
});

/** One batch of `size` call records with request ids `disk-<batch>-<i>`. */
function batchBody(batch: number, size: number): string {
  let body = '';
  for (let i = 0; i < size; i++) {
    const record = {
      ts: Date.now(),
      provider: 'anthropic',
      model: 'claude-sonnet-4-6',
      duration_ms: 400,
      http_status: 200,
      request_id: `disk-${batch}-${i}`,
      stop_reason: 'end_turn',
      app: 'x'.repeat(200), // bulk, so the disk fills in few batches
    };
    body += JSON.stringify(record) + '\n';
  }
  return body;
}

interface Answer {
  readonly status: number;
  readonly retryAfter: string | null;
}

async function post(url: string, batch: number, size = 200): Promise<Answer> {
  const res = await fetch(`${url}/v1/records`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${TOKENS.ingest}`,
      'content-type': 'application/x-ndjson',
      'idempotency-key': `disk-batch-${batch}`,
    },
    body: batchBody(batch, size),
  });
  await res.text();
  return { status: res.status, retryAfter: res.headers.get('retry-after') };
}

describe('SQLite on a full disk', () => {
  it('answers 503 with Retry-After while full, recovers when space returns, loses nothing acknowledged', async (ctx) => {
    if (mounted === undefined) return ctx.skip(`mount -t tmpfs is not permitted: ${mountRefused}`);
    dir = serviceDir(join(mounted, 'faultline.db'));
    server = await startServe(dir.configPath, dir.dir);
    // Leave the store about 2 MiB: the filler is what the test frees later.
    const filler = join(mounted, 'filler');
    writeFileSync(filler, Buffer.alloc(6 * 1024 * 1024, 1));

    const acknowledged: string[] = [];
    const answers: Answer[] = [];
    let batch = 0;
    for (; batch < 400; batch++) {
      const answer = await post(server.url, batch);
      answers.push(answer);
      if (answer.status === 200)
        for (let i = 0; i < 200; i++) acknowledged.push(`disk-${batch}-${i}`);
      else break;
    }
    const full = answers[answers.length - 1]!;
    expect(acknowledged.length, 'some records fit before the disk filled').toBeGreaterThan(0);
    expect(full.status, 'a full disk is 503, not 500').toBe(503);
    expect(Number(full.retryAfter), 'Retry-After in seconds').toBeGreaterThan(0);
    // Still full: still 503 (not a crash, not a 500), and the process is alive.
    for (let i = 0; i < 3; i++) expect((await post(server.url, ++batch)).status).toBe(503);
    expect(server.child.exitCode).toBeNull();

    unlinkSync(filler);
    let recovered: Answer | undefined;
    await eventually(
      'ingest to take records again',
      async () => {
        recovered = await post(server!.url, ++batch);
        return recovered.status === 200;
      },
      15_000,
    );
    for (let i = 0; i < 200; i++) acknowledged.push(`disk-${batch}-${i}`);
    expect(answers.every((a) => a.status === 200 || a.status === 503)).toBe(true);

    const stored = new Set(await exportedIds(server.url, '&from=2000-01-01T00:00:00Z'));
    const missing = acknowledged.filter((id) => !stored.has(id));
    expect(missing.slice(0, 5), `${missing.length} acknowledged records missing`).toEqual([]);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 60_000);
});
