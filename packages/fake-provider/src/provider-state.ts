/** The fake's live state: admin rules, the running scenario, seeds and counters. */
import type { AdminControls } from './admin/index.js';
import { anthropicAdapter } from './anthropic/index.js';
import {
  compileRule,
  FaultStore,
  validateFaultRules,
  type CompiledRule,
  type FaultRule,
} from './faults/index.js';
import { geminiAdapter } from './gemini/index.js';
import { createPrng, type Prng } from './generate/prng.js';
import { openaiAdapter } from './openai/index.js';
import type { Provider, RateLimitState } from './protocol/index.js';
import {
  describeScenario,
  phaseAt,
  scenarioElapsedS,
  type Scenario,
  type ScenarioStatus,
} from './scenario/index.js';
import type { ProviderRuntime } from './server/provider-runtime.js';
import { RateWindow } from './server/rate-window.js';
import type { FaultSnapshot } from './status-pages/index.js';
import { ConfigError } from './validation/index.js';

/** Settings fixed at start. */
export interface StateOptions {
  readonly seed: number;
  readonly tokensPerSecond: number;
  readonly now: () => number;
  /** Told the rules in force after every change, for the status pages' timeline. */
  readonly onRulesChange?: (snapshot: FaultSnapshot) => void;
}

interface RunningScenario {
  readonly scenario: Scenario;
  readonly phaseRules: readonly (readonly CompiledRule[])[];
  readonly startedMs: number;
}

/** Implements what the request handler and the admin API need, over one shared state. */
export class ProviderState implements ProviderRuntime, AdminControls {
  readonly adapters = { anthropic: anthropicAdapter, openai: openaiAdapter, google: geminiAdapter };
  readonly #options: StateOptions;
  readonly #store = new FaultStore();
  readonly #windows: Record<Provider, RateWindow> = {
    anthropic: new RateWindow(4000),
    openai: new RateWindow(10_000),
    google: new RateWindow(2000),
  };
  #running: RunningScenario | undefined;
  #prng: Prng;
  #requestCount = 0;

  constructor(options: StateOptions) {
    this.#options = options;
    this.#prng = createPrng(options.seed);
  }

  get requestCount(): number {
    return this.#requestCount;
  }

  rules(): readonly CompiledRule[] {
    const admin = this.#store.compiled();
    const running = this.#running;
    if (running === undefined) return admin;
    const elapsedS = scenarioElapsedS(running.scenario, running.startedMs, this.#options.now());
    const at = phaseAt(running.scenario, elapsedS);
    const phase = at === undefined ? [] : (running.phaseRules[at.index] ?? []);
    if (phase.length === 0) return admin;
    return admin.length === 0 ? phase : [...admin, ...phase];
  }

  draw(): number {
    return this.#prng();
  }

  seed(): number {
    return this.#running?.scenario.seed ?? this.#options.seed;
  }

  tokensPerSecond(): number {
    return this.#running?.scenario.tokensPerSecond ?? this.#options.tokensPerSecond;
  }

  rateLimit(provider: Provider, nowMs: number): RateLimitState {
    return this.#windows[provider].take(nowMs);
  }

  countRequest(): void {
    this.#requestCount++;
  }

  /** Validates and adds rules. @throws ConfigError listing every problem. */
  addFaults(rules: FaultRule | readonly FaultRule[]): string[] {
    const result = validateFaultRules(rules);
    if (!result.ok) throw new ConfigError('invalid fault rules', result.problems);
    const ids = this.#store.add(result.rules);
    this.#changed();
    return ids;
  }

  listFaults(): FaultRule[] {
    return this.#store.list();
  }

  removeFault(id: string): boolean {
    const removed = this.#store.remove(id);
    if (removed) this.#changed();
    return removed;
  }

  clearFaults(): number {
    const n = this.#store.clear();
    this.#changed();
    return n;
  }

  /** Starts `scenario` from its first phase and re-seeds the fault draws. */
  loadScenario(scenario: Scenario): void {
    const problems = scenario.phases.flatMap((phase, i) => {
      const result = validateFaultRules([...phase.faults], `phases[${i}].faults`);
      return result.ok ? [] : result.problems;
    });
    if (problems.length > 0) throw new ConfigError('invalid scenario', problems);
    this.#running = {
      scenario,
      phaseRules: scenario.phases.map((phase) => phase.faults.map(compileRule)),
      startedMs: this.#options.now(),
    };
    this.#prng = createPrng(scenario.seed ?? this.#options.seed);
    this.#changed();
  }

  stopScenario(): boolean {
    const was = this.#running !== undefined;
    this.#running = undefined;
    this.#changed();
    return was;
  }

  #changed(): void {
    const running = this.#running;
    this.#options.onRulesChange?.({
      atMs: this.#options.now(),
      admin: this.#store.list(),
      scenario: running && { scenario: running.scenario, startedMs: running.startedMs },
    });
  }

  scenarioStatus(): ScenarioStatus {
    const running = this.#running;
    return describeScenario(running?.scenario, running?.startedMs ?? 0, this.#options.now());
  }
}
