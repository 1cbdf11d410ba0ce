/**
 * The two forms of the chaos run. Full (by hand, `npm run chaos`): 3 replicas, 5,000 records/s for
 * 10 minutes, the leader SIGKILLed every 2 minutes, PostgreSQL restarted once, one replica's
 * connection to PostgreSQL cut for 30 s. Short (CI, `--short`, under 5 minutes with setup): 1,000
 * records/s for 100 s, kills every 30 s, a 10 s cut, and never a PostgreSQL restart (other test
 * files share the server). Both then keep a lighter load on until the incident resolved: the
 * engine judges an incident over 150 s after its scope stopped being elevated.
 */
import { numberFlag } from './serve-stats.js';

export interface ChaosPlan {
  readonly form: 'short' | 'full';
  readonly replicas: number;
  readonly clients: number;
  /** Records/s during the chaos phase, and after it until the incident resolved. */
  readonly rate: number;
  readonly tailRate: number;
  /** Seconds of the chaos phase (from the start of the load). */
  readonly chaosSeconds: number;
  /** Seconds into the load of each SIGKILL of the leader. */
  readonly killsAt: readonly number[];
  /** The PostgreSQL cut of one replica (the leader at that moment). */
  readonly cut: { readonly at: number; readonly seconds: number };
  readonly pgRestartAt: number | null;
  /** The fault in the traffic, in seconds into the load, and the share of its model's calls. */
  readonly fault: { readonly from: number; readonly to: number; readonly share: number };
  /** Seconds into the load by which the incident must have resolved. */
  readonly resolveBy: number;
  /** Takeover deadline (issue 14: within 15 s). */
  readonly takeoverLimitMs: number;
}

const SHORT: ChaosPlan = {
  form: 'short',
  replicas: 3,
  clients: 6,
  rate: 1000,
  tailRate: 300,
  chaosSeconds: 100,
  killsAt: [30, 60, 90],
  cut: { at: 42, seconds: 10 },
  pgRestartAt: null,
  fault: { from: 3, to: 13, share: 0.4 },
  resolveBy: 265,
  takeoverLimitMs: 15_000,
};

const FULL: ChaosPlan = {
  form: 'full',
  replicas: 3,
  clients: 6,
  rate: 5000,
  tailRate: 5000,
  chaosSeconds: 600,
  killsAt: [120, 240, 360, 480],
  cut: { at: 420, seconds: 30 },
  pgRestartAt: 300,
  fault: { from: 30, to: 60, share: 0.4 },
  resolveBy: 660,
  takeoverLimitMs: 15_000,
};

/** The plan the command line asks for: `--short`, `--rate N`, `--no-pg-restart`. */
export function planFromArgs(argv: readonly string[]): ChaosPlan {
  const base = argv.includes('--short') ? SHORT : FULL;
  return {
    ...base,
    rate: numberFlag('rate', base.rate),
    tailRate: Math.min(numberFlag('rate', base.rate), base.tailRate),
    pgRestartAt: argv.includes('--no-pg-restart') ? null : base.pgRestartAt,
  };
}

/** The value of `--name VALUE`, or undefined. */
export function stringFlag(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(`--${name}`);
  return at === -1 ? undefined : argv[at + 1];
}
