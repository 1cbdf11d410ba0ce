/**
 * The engine's accuracy over the scenario library, per scenario and seed: expected against
 * detected layer/owner/reason/scope, the start error, the detection delay and the resolution
 * delay, with the acceptance limits of issue 8 (start within 30 s, detection 0–120 s, resolution
 * 0–300 s after the fault ends, one incident per fault), then the median and maximum detection
 * delay per layer. `node bench/dist/scenario-accuracy.js [--seeds 1-6] [--only NAME]`.
 */
import { createEngine, parseTimestamp, type Incident } from '@faultline/core';
import { SCENARIOS, type GeneratedScenario, type TruthIncident } from '@faultline/scenarios';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
const [lo, hi] = arg('--seeds', '1-6').split('-').map(Number) as [number, number?];
const SEEDS = Array.from({ length: (hi ?? lo) - lo + 1 }, (_, k) => lo + k);
const ONLY = arg('--only', '');

function diagnose(g: GeneratedScenario): Incident[] {
  const engine = createEngine();
  for (const r of g.records) engine.ingest(r, parseTimestamp(r.ts)!);
  engine.tick(g.toMs);
  return engine.incidents();
}

const key = (x: Pick<Incident, 'layer' | 'owner' | 'reason' | 'scope' | 'provider' | 'models'>) =>
  `${x.layer}/${x.owner}/${x.reason} ${x.scope}:${x.provider ?? '-'}[${[...x.models].sort().join(',')}]`;

/** What is wrong with one incident against its truth; empty when it meets the limits. */
function misses(i: Incident, t: TruthIncident): { line: string; wrong: string[]; delay: number } {
  const startS = (Date.parse(i.started_at) - t.startMs) / 1000;
  const delay = (Date.parse(i.detected_at) - t.startMs) / 1000;
  const resolve = i.resolved_at === null ? NaN : (Date.parse(i.resolved_at) - t.endMs) / 1000;
  const wrong: string[] = [];
  if (key(i) !== key(t)) wrong.push(`attribution ${key(i)}`);
  if (Math.abs(startS) > 30) wrong.push(`start ${startS.toFixed(0)} s`);
  if (delay < 0 || delay > 120) wrong.push(`detection ${delay.toFixed(0)} s`);
  if (!(resolve > 0 && resolve <= 300)) wrong.push(`resolution ${resolve.toFixed(0)} s`);
  const line = `start ${startS.toFixed(1)} s, detect +${delay.toFixed(1)} s, resolve +${resolve.toFixed(0)} s`;
  return { line, wrong, delay };
}

const delays = new Map<string, number[]>();
const missed: string[] = [];
for (const s of SCENARIOS) {
  if (ONLY !== '' && s.name !== ONLY) continue;
  for (const seed of SEEDS) {
    const g = s.generate({ seed });
    const found = diagnose(g);
    const label = `${s.name} seed ${seed}`;
    if (found.length !== g.truth.length)
      missed.push(`${label}: ${found.length} incidents for ${g.truth.length} faults`);
    if (g.truth.length === 0 && found.length === 0) console.log(`${label}: none expected, none`);
    found.forEach((i, k) => {
      const t = g.truth[k];
      if (t === undefined) return void console.log(`${label}: EXTRA ${key(i)} at ${i.started_at}`);
      const m = misses(i, t);
      console.log(`${label}: ${key(t)} | ${m.wrong.length === 0 ? 'ok' : 'MISS'} ${m.line}`);
      if (m.wrong.length > 0) missed.push(`${label}: ${m.wrong.join('; ')}`);
      const layer = `${t.layer}${t.seenBy === 'probe' ? ' (probe-only)' : ''}`;
      delays.set(layer, [...(delays.get(layer) ?? []), m.delay]);
    });
  }
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`\ndetection delay per layer, seeds ${SEEDS.join(',')} (record seconds):`);
for (const [layer, xs] of [...delays].sort()) {
  const max = Math.max(...xs);
  console.log(`  ${layer}: n=${xs.length} median ${median(xs).toFixed(1)} max ${max.toFixed(1)}`);
}
const all = [...delays.values()].flat();
if (all.length > 0) console.log(`  all: n=${all.length} median ${median(all).toFixed(1)}`);
console.log(`\nmisses (${missed.length}):${missed.map((m) => `\n  ${m}`).join('')}`);
