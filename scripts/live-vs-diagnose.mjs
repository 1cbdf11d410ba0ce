#!/usr/bin/env node
// Streams whole scenarios live into `faultline serve` in real time and compares with `faultline diagnose`.
//
//   npx tsc -b packages/server && node scripts/live-vs-diagnose.mjs [--minutes 5] [--seed 1] NAME...
//
// For each scenario (all at once, each with its own server on a temporary SQLite store): the
// records are re-stamped to start now and POSTed in 1 s batches (each with an Idempotency-Key)
// when their second has passed; /v1/events is watched. Once the stream ended and the engine's
// grace passed, the incidents the service lists are compared with `faultline diagnose --json` on
// the very same records: identity (layer, owner, reason, scope, provider, models), detection
// delta (live detected_at minus offline), and when the opening reached the event stream.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateScenario } from '@faultline/scenarios';

const CLI = fileURLToPath(new URL('../packages/server/bin/faultline.js', import.meta.url));
const TOKENS = {
  ingest: 'fl_lvd_ingest_0123456789abcdef0123456789',
  read: 'fl_lvd_read_0123456789abcdef0123456789ab',
};
const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const key = (i) =>
  JSON.stringify([i.layer, i.owner, i.reason, i.scope, i.provider, [...i.models].sort()]);

const { values, positionals } = parseArgs({
  options: { minutes: { type: 'string', default: '5' }, seed: { type: 'string', default: '1' } },
  allowPositionals: true,
});
const names =
  positionals.length > 0
    ? positionals
    : ['provider-overload', 'one-model-down', 'status-page-lags'];

/** Starts `faultline serve` on a fresh SQLite store; resolves with its URL once ready. */
async function serve(dir) {
  const tokens = Object.entries(TOKENS).map(([role, token]) => ({ name: role, role, token }));
  const config = join(dir, 'faultline.json');
  writeFileSync(
    config,
    JSON.stringify({ listen: '127.0.0.1:0', store: join(dir, 'f.db'), tokens }),
  );
  const child = spawn(process.execPath, [CLI, 'serve', '--config', config], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      const m = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (c) => reject(new Error(`serve exited ${c}`)));
  });
  while ((await fetch(`${url}/readyz`)).status !== 200) await sleep(100);
  return { url, stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))) };
}

/** Collects `incident.opened` frames of /v1/events with their wall-clock arrival. */
function watchOpenings(url) {
  const opened = new Map();
  const req = request(
    `${url}/v1/events`,
    { headers: { authorization: `Bearer ${TOKENS.read}` } },
    (res) => {
      let buf = '';
      res.setEncoding('utf8').on('data', (chunk) => {
        buf += chunk;
        for (let end; (end = buf.indexOf('\n\n')) >= 0; buf = buf.slice(end + 2)) {
          const block = buf.slice(0, end);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (/^event: incident\.opened$/m.test(block) && data)
            opened.set(JSON.parse(data).id, Date.now());
        }
      });
      res.on('error', () => {});
    },
  );
  req.on('error', () => {});
  req.end();
  return { opened, close: () => req.destroy() };
}

async function post(url, lines, n) {
  const res = await fetch(`${url}/v1/records`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${TOKENS.ingest}`,
      'content-type': 'application/x-ndjson',
      'idempotency-key': `lvd-${n}`,
    },
    body: lines.join('\n'),
  });
  if (res.status !== 200) throw new Error(`POST /v1/records: ${res.status} ${await res.text()}`);
  const body = await res.json();
  if (body.rejected.length > 0) throw new Error(`rejected: ${JSON.stringify(body.rejected[0])}`);
}

async function run(name) {
  const dir = mkdtempSync(join(tmpdir(), `faultline-lvd-${name}-`));
  const server = await serve(dir);
  const events = watchOpenings(server.url);
  try {
    const g = generateScenario(name, {
      seed: Number(values.seed),
      durationMs: Number(values.minutes) * 60_000,
    });
    const startMs = Math.ceil(Date.now() / 1000) * 1000 + 1000;
    const records = g.records.map((r) => ({
      ...r,
      ts: new Date(r.ts - g.fromMs + startMs).toISOString(),
    }));
    const bySecond = new Map();
    for (const r of records) {
      const s = Math.floor(Date.parse(r.ts) / 1000);
      bySecond.set(s, [...(bySecond.get(s) ?? []), JSON.stringify(r)]);
    }
    let n = 0;
    for (const [s, lines] of bySecond) {
      await sleep((s + 1) * 1000 + 100 - Date.now());
      await post(server.url, lines, n++);
    }
    await sleep(5000); // the engine's grace (2 s) and a tick
    const file = join(dir, 'sent.jsonl');
    writeFileSync(file, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    const offline = await new Promise((resolve, reject) =>
      execFile(
        process.execPath,
        [CLI, 'diagnose', '--json', file],
        { maxBuffer: 1 << 28 },
        (e, out) => (e && e.code !== 1 ? reject(e) : resolve(JSON.parse(out).incidents)),
      ),
    );
    const auth = { authorization: `Bearer ${TOKENS.read}` };
    const live = (
      await (await fetch(`${server.url}/v1/incidents?limit=500`, { headers: auth })).json()
    ).incidents;
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    const calls = [...metrics.matchAll(/^faultline_calls_total\{.*\} (\d+)$/gm)].reduce(
      (a, m) => a + Number(m[1]),
      0,
    );
    const rows = offline.map((o) => {
      const l = live.find((i) => key(i) === key(o));
      const seen = l && events.opened.get(l.id);
      return {
        incident: `${o.provider ?? 'all'}/${o.scope}/${o.reason}`,
        detectDeltaS: l ? (Date.parse(l.detected_at) - Date.parse(o.detected_at)) / 1000 : null,
        sseAfterReplayS: seen ? (seen - Date.parse(o.detected_at)) / 1000 : null,
      };
    });
    const extra = live.filter((l) => !offline.some((o) => key(o) === key(l))).length;
    return {
      name,
      records: records.length,
      calls,
      live: live.length,
      offline: offline.length,
      extra,
      rows,
    };
  } finally {
    events.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const results = await Promise.all(names.map(run));
console.log(
  `scenario | records | calls in /metrics | incidents live | offline | unmatched live | incident: detection delta s, SSE after replay detection s`,
);
for (const r of results) {
  const detail = r.rows
    .map((x) => `${x.incident}: ${x.detectDeltaS ?? 'missing'}, ${x.sseAfterReplayS ?? 'missing'}`)
    .join('; ');
  console.log(
    `${r.name} | ${r.records} | ${r.calls} | ${r.live} | ${r.offline} | ${r.extra} | ${detail}`,
  );
}
const ok = results.every(
  (r) =>
    r.extra === 0 &&
    r.rows.every(
      (x) =>
        x.detectDeltaS !== null &&
        Math.abs(x.detectDeltaS) <= 10 &&
        x.sseAfterReplayS !== null &&
        x.sseAfterReplayS <= 10,
    ),
);
console.log(ok ? 'live = offline on every scenario' : 'MISMATCH: see the table');
process.exitCode = ok ? 0 : 1;
