/** The probes' expected cost, printed at start: calls and tokens per day, per provider. */
import type { ProbeConfig } from '../config/index.js';
import { AVAILABILITY_PROMPT, maxOutputTokens } from './probe-budget.js';

const DAY_MS = 86_400_000;
/** Tokens a chat turn costs beyond its text (role markers, template), a rough allowance. */
const TURN_OVERHEAD_TOKENS = 8;

/** One provider's expected daily probe traffic. */
export interface ProbeCost {
  readonly provider: string;
  readonly probes: number;
  readonly callsPerDay: number;
  /** Estimated: ~4 characters a token plus a turn's overhead. */
  readonly inputTokensPerDay: number;
  /** At most: every answer billed at its full budget. */
  readonly maxOutputTokensPerDay: number;
}

/** The daily cost of `probes`, by provider in config order. */
export function probeCosts(probes: readonly ProbeConfig[]): ProbeCost[] {
  const byProvider = new Map<string, ProbeCost>();
  for (const p of probes) {
    const calls = DAY_MS / p.every;
    // Rounds rotate through the golden prompts, or ask the availability prompt when there are none.
    const prompts = p.golden.length > 0 ? p.golden.map((g) => g.prompt) : [AVAILABILITY_PROMPT];
    const meanInput =
      prompts.reduce((sum, text) => sum + Math.ceil(text.length / 4) + TURN_OVERHEAD_TOKENS, 0) /
      prompts.length;
    const prev = byProvider.get(p.provider);
    byProvider.set(p.provider, {
      provider: p.provider,
      probes: (prev?.probes ?? 0) + 1,
      callsPerDay: (prev?.callsPerDay ?? 0) + calls,
      inputTokensPerDay: (prev?.inputTokensPerDay ?? 0) + calls * meanInput,
      maxOutputTokensPerDay:
        (prev?.maxOutputTokensPerDay ?? 0) + calls * maxOutputTokens(p.api, p.model),
    });
  }
  return [...byProvider.values()];
}

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * One log line per provider, e.g. `probes: anthropic: 1 probe, 2,880 calls/day, ~40,320 input
 * tokens/day, at most 368,640 output tokens/day`; one line saying so when nothing is configured.
 */
export function probeCostLines(probes: readonly ProbeConfig[]): string[] {
  const costs = probeCosts(probes);
  if (costs.length === 0) return ['probes: none configured'];
  return costs.map(
    (c) =>
      `probes: ${c.provider}: ${c.probes} probe${c.probes === 1 ? '' : 's'}, ` +
      `${count.format(c.callsPerDay)} calls/day, ~${count.format(c.inputTokensPerDay)} input tokens/day, ` +
      `at most ${count.format(c.maxOutputTokensPerDay)} output tokens/day`,
  );
}
