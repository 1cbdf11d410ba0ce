/**
 * `npm run bench`, part 5: memory and time of `faultline diagnose --json` are bounded by the
 * number of scopes the engine keeps, not by how many distinct model ids a file names. Runs the CLI
 * on a generated file whose calls name 20,000 distinct models, and on a baseline file with the same
 * number of records over eight models, and prints each run's peak RSS and wall time.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CLI as cli, WORK_DIR } from './paths.js';

const RECORDS = Number(process.env.BENCH_SCOPE_RECORDS ?? 200_000);
const DISTINCT_MODELS = Number(process.env.BENCH_SCOPE_MODELS ?? 20_000);
const PROVIDERS = ['anthropic', 'openai', 'google', 'bedrock'];
const TIME = '/usr/bin/time';
/** Without GNU time: the child reports its own peak RSS (kB) on stderr as it exits. */
const RSS_HOOK =
  'data:text/javascript,import{writeSync}from"node:fs";' +
  'process.on("exit",()=>writeSync(2,"\\nMaximum resident set size (kbytes): "+process.resourceUsage().maxRSS+"\\n"))';

let state = 2463534242;
const rnd = (): number => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 4294967296;
};

/**
 * Writes `RECORDS` calls at 30 calls/s, each to a model drawn from `models` ids per provider;
 * from minute 30 to 38 half of OpenAI's calls fail with 503, so both files hold one incident.
 */
function generate(file: string, models: number): number {
  const fd = openSync(file, 'w');
  const start = Date.UTC(2026, 0, 1);
  const perProvider = Math.max(1, Math.round(models / PROVIDERS.length));
  let lines: string[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const ts = start + Math.round((i * 1000) / 30);
    const provider = PROVIDERS[Math.floor(rnd() * PROVIDERS.length)]!;
    const model = `${provider}-model-${Math.floor(rnd() * perProvider)}`;
    const minute = (ts - start) / 60_000;
    const fault = provider === 'openai' && minute >= 30 && minute < 38 && rnd() < 0.5;
    const r = fault
      ? { ts, provider, model, http_status: 503, error_type: 'service_unavailable_error' }
      : { ts, provider, model, http_status: 200, stop_reason: 'stop', output_chars: 300 };
    lines.push(JSON.stringify({ ...r, duration_ms: Math.round(800 + rnd() * 600) }));
    if (lines.length === 10_000) {
      writeSync(fd, lines.join('\n') + '\n');
      lines = [];
    }
  }
  if (lines.length > 0) writeSync(fd, lines.join('\n') + '\n');
  closeSync(fd);
  return perProvider * PROVIDERS.length;
}

interface Run {
  readonly seconds: number;
  readonly maxRssMiB: number;
  readonly incidents: number;
}

function measure(file: string): Run {
  const node = [process.execPath];
  const args = [cli, 'diagnose', '--json', file];
  const gnu = existsSync(TIME);
  const command = gnu ? TIME : process.execPath;
  const argv = gnu ? ['-v', ...node, ...args] : ['--import', RSS_HOOK, ...args];
  const t0 = performance.now();
  const r = spawnSync(command, argv, { maxBuffer: 1 << 30 });
  const seconds = (performance.now() - t0) / 1000;
  const stderr = r.stderr.toString();
  if (r.status !== 0) throw new Error(`diagnose ${file} exited ${String(r.status)}: ${stderr}`);
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
  if (kb === undefined) throw new Error(`no peak RSS reported for ${file}: ${stderr}`);
  const out = JSON.parse(r.stdout.toString()) as { incidents: unknown[] };
  return { seconds, maxRssMiB: Number(kb) / 1024, incidents: out.incidents.length };
}

mkdirSync(WORK_DIR, { recursive: true });
const many = join(WORK_DIR, 'diagnose-many-models.jsonl');
const few = join(WORK_DIR, 'diagnose-few-models.jsonl');
const manyModels = generate(many, DISTINCT_MODELS);
const fewModels = generate(few, 8);
const n = RECORDS.toLocaleString('en-US');
const base = measure(few);
const ours = measure(many);
const line = (label: string, r: Run): string =>
  `  ${label.padEnd(28)} ${r.seconds.toFixed(2)} s, peak RSS ${r.maxRssMiB.toFixed(0)} MiB, ${r.incidents} incident(s)`;
console.log(`diagnose --json on ${n} records, peak RSS and wall time:`);
console.log(line(`${fewModels} models (baseline):`, base));
console.log(line(`${manyModels.toLocaleString('en-US')} distinct models:`, ours));
console.log(
  `  ratio: ${(ours.seconds / base.seconds).toFixed(2)}× the time, ${(ours.maxRssMiB / base.maxRssMiB).toFixed(2)}× the memory of the baseline`,
);
