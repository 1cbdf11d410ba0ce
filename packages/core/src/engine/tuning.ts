/**
 * Every threshold the engine judges by, in one place, each with why and where it comes from: a
 * reference file (`reference/*.md` beside the repository), a measurement, or a library scenario
 * (`packages/scenarios`) that fails when the number moves. Signals read these; none keeps its own.
 */
import type { FailureLayer } from '../diagnosis/index.js';

type ByLayer<T> = Readonly<Record<FailureLayer, T>>;

/** A significance level as a natural log, so tail probabilities compare in log space. */
const ln = Math.log;

/** Time: buckets, windows, and how far back anything looks. */
export const TIME = {
  /** One bucket: fine enough to see a burst within 10–30 s, coarse enough to stay cheap. */
  bucketMs: 10_000,
  /** Buckets kept per scope: ten minutes, the longest any signal looks back (golden, probes). */
  ringBuckets: 60,
  /** The detection window: one minute of buckets (the SRE Workbook's short window, incidents.md). */
  windowBuckets: 6,
} as const;

/** Learned failure shares: priors, floors and forgetting. */
export const SHARE_BASELINE = {
  /** Prior share per layer before a scope has history: background rates (incidents.md, noise.ts). */
  prior: { integration: 0.005, network: 0.003, provider: 0.006, model: 0.02 } as ByLayer<number>,
  /** The weight of the prior, in calls: a few minutes of traffic outweigh it. */
  priorCalls: 400,
  /** Forgetting per bucket: a half-life of about 30 minutes (180 buckets). Measured: shorter learns faults. */
  keepPerBucket: Math.pow(0.5, 1 / 180),
  /** Lowest baseline per layer, whatever was learned: a clean hour must not make one error news. */
  floor: { integration: 0.003, network: 0.002, provider: 0.004, model: 0.012 } as ByLayer<number>,
} as const;

/** The failure share test (signals/failure-share.ts); scenarios `quiet-week`, `noise-only-high-volume` hold it quiet. */
export const FAILURE_SHARE = {
  /** Raise: enough distinct failures that one retried request is not a burst (scenario our-retry-storm). */
  raise: { failures: 3, firstFailures: 2, ratio: 4, points: 0.04, logP: ln(1e-6) },
  /**
   * Keep open: significant too (p ≤ 1%), or background noise would hold an incident for ever;
   * shared over an incident's models, any of which keeps it open (scenario flapping-recovery).
   */
  elevated: { failures: 2, ratio: 2.5, points: 0.02, logP: ln(0.01) },
  /** Join: a model joins an incident only on a count noise rarely makes (scenario two-at-once). */
  member: { ratio: 3, points: 0.03, logP: ln(1e-4) },
  /**
   * The newest 20–50 s are tested too (a scan statistic), sharing the raise level over five tests:
   * a fault 30 s old is diluted in the minute (model-detection.test.ts: 110–140 s without it).
   */
  burstLogP: ln(1e-6 / 5),
  /** Walking back to an incident's start: one failure in a bucket is what noise looks like. */
  walkBackFailures: 2,
  /** Buckets of no elevation, or empty ones, tolerated in the walk back. */
  walkBackGapBuckets: 1,
  walkBackEmptyBuckets: 6,
} as const;

/** Latency verdicts (signals/latency.ts); scenarios `latency-rising`, `latency-creep`. */
export const LATENCY = {
  /** Successful calls needed for a median, a p95 (a slow tail), and streams for a TTFT median. */
  minCalls: { median: 8, p95: 20, ttft: 8 },
  /** Slow is 3× the baseline: a creep through 2× is drift, not yet the incident. */
  slowRatio: 3,
  /**
   * …and at least this much slower in absolute terms, for raising and for keeping open: a call
   * that took 10 ms and now takes 31 ms is 3× but nobody waits for it (loopback probes under a
   * loaded CPU did exactly that, test/watch-e2e/egress-broken). LLM calls take 0.3–60 s; a
   * quarter of a second is the smallest slowdown a user of one notices.
   */
  minExcessMs: 250,
  /** Still slow at 2× on 3 or more calls keeps an open slow incident open. */
  elevatedRatio: 2,
  elevatedCalls: 3,
  /**
   * A window at 1.5× or more (on enough calls) is drifting: its buckets are not learned, so a
   * creep is judged against the level before it (scenario latency-creep: learning 1.2–2× put
   * its 3× five to ten per cent late). Normal windows stay within ±15% of their baseline.
   */
  driftRatio: 1.5,
  /** Buckets learn a median from 3 calls, a p95 only from 10 (a p95 of a handful is noise). */
  learnCalls: { median: 3, p95: 10, ttft: 3 },
  /**
   * Two or more models of a provider slow together (signals/latency-trend.ts), measured on
   * scenario latency-creep over seeds 1–12, whose 2.8× minute reads 2.6–3.1× in one pooled window:
   * - `minCalls`: calls in the window for the pooled judgement (fewer: model by model);
   * - `excess`: the CUSUM level, in calls × log excess over 3× (100 calls 7% over, or 14 at 5×):
   *   at 10, detection came 40–140 s after the 3× minute began; at 5, once in the 2.8× minute;
   * - `spanRatio`: a run of slow buckets walks back to where the pooled level left 1.5× (drift);
   * - `startRatio`: its line's crossing of 2.85× dates the start. A line through a creep that steps
   *   once a minute crosses a level about half a step after the step reached it (at 3×: 20–45 s
   *   late; at 2.85×: −30 to +26 s over the twelve seeds, measured).
   * - `providerDrift`: pooled at 1.1× or more on `providerDriftCalls`, no model of the provider
   *   learns its latency (a creep's first minutes at 1.2–1.5× raised the baselines 3–7%).
   */
  trend: {
    minCalls: 60,
    excess: 7,
    spanRatio: 1.5,
    startRatio: 2.85,
    providerDrift: 1.1,
    providerDriftCalls: 50,
  },
} as const;

/** Learned latencies (latency-baseline.ts). Measured on scenario `latency-creep`. */
export const LATENCY_BASELINE = {
  /** The value forgets with a half-life of ~30 minutes: a creep is not learned before it is 3×. */
  keepValue: Math.pow(0.5, 1 / 180),
  /** Readiness forgets with a half-life of about 23 buckets (4 minutes). */
  keepReady: 0.97,
  /** ~6 healthy buckets (a minute) before a baseline may judge: first buckets are unrepresentative. */
  readyWeight: 5,
  /** A settled baseline does not learn a bucket over 2× above it. */
  learnRatio: 2,
} as const;

/** Deadline changes (signals/deadline.ts); scenarios `our-deadline-lowered`, `provider-slows-past-deadline`. */
export const DEADLINE = {
  /** A deadline counts as lowered below 90% of the one before (a rounding is no change). */
  loweredBelow: 0.9,
  /** …when it changed within ten minutes before the incident's start. */
  changedWithinMs: 10 * 60_000,
} as const;

/** Synthetic probes (signals/probe.ts); scenarios `night-probe-only`, `egress-broken-probes-fine`. */
export const PROBE = {
  /** Ten minutes of buckets: the probes of a fault's whole run so far. */
  runBuckets: 60,
  /** A bucket is the fault's when 2+ failures or most of a quiet bucket's calls failed. */
  faultBucketFailures: 2,
  faultBucketShare: 0.5,
  /** Probes succeeding: 2 or more, at most one in five failed (probe noise is ~0.3%, probe-traffic.ts). */
  healthyMin: 2,
  healthyFailShare: 0.2,
  /**
   * Rounds: k of the last n probe calls of a model failed. A round is one probe per model every
   * 15–60 s (issue 8); n = 6 is 1.5–6 minutes. 4 of 6 at a 1% fluke rate is p ≈ 1.5·10⁻⁷.
   */
  rounds: 6,
  roundsFailed: 4,
  /** Rounds looked back over: ten minutes, so probes every 60 s still fill `rounds`. */
  roundsBuckets: 60,
  /** Still failing: 2 of the last 3 rounds keep an incident open. */
  sustainRounds: 3,
  sustainFailed: 2,
  /**
   * A network fault at one provider the server probes waits this long after its first failure
   * for the provider's probes to speak before it is called the provider's: probes every 15–30 s
   * (issue 8) get two through in 30–60 s, within the detection limit (scenario
   * egress-to-one-provider-broken: without the wait it opened as the provider's and turned ours).
   */
  ownerWaitMs: 60_000,
} as const;

/** Golden canaries (signals/golden.ts); scenario `golden-canary-regression`. */
export const GOLDEN = {
  /** Five minutes of buckets: the checks a raise is judged on (10 at one check per 30 s). */
  raiseBuckets: 30,
  /** Two minutes: still failing keeps an incident open; a recovered model resolves soon. */
  elevatedBuckets: 12,
  /** Failure share of known-answer checks on a healthy model (a generous fluke allowance). */
  baseline: 0.05,
  /** 3 failures of 3–6 checks pass (with half failing); 3 of 10 do not. */
  logP: ln(5e-3),
  minFailed: 3,
  minShare: 0.5,
  /** Passes in a row that end the walk back to a regression's start. */
  passesEndRun: 3,
  /** The last two minutes are still failing: 2 or more failed, 30% of the checks. */
  elevatedFailed: 2,
  elevatedShare: 0.3,
} as const;

/** Contrast (signals/contrast.ts): what can be said to have worked normally. */
export const CONTRAST = {
  /** Calls a provider or model needs in the window to be named healthy (one or two say nothing). */
  seenCalls: 5,
  /** At most this many other providers are named. */
  maxProviders: 3,
} as const;

/** Status pages (signals/status-page.ts); status-pages.md §6: pages lag impact by 20–90 min. */
export const STATUS_PAGE = {
  /** How late a page must move after our first failures for the lag to be worth saying. */
  lagMs: 5 * 60_000,
} as const;

/** Incident lifecycle (tracker.ts); incidents.md: monitoring is 44–83% of time to resolve. */
export const LIFECYCLE = {
  /** Quiet time before an incident is judged over (monitoring must not flap). */
  quietMs: 150_000,
  /** An incident back within this time after resolving is reopened (scenario flapping-recovery). */
  reopenMs: 300_000,
} as const;
