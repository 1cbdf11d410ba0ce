/** Synthetic probes and golden canaries: the server's own small calls to each configured model. */
export { createProber } from './create-prober.js';
export { PROBE_APP } from './prober-options.js';
export type { Prober, ProberOptions, ProbeState } from './prober-options.js';
export { probeCostLines, probeCosts } from './probe-cost.js';
export type { ProbeCost } from './probe-cost.js';
export { ANSWER_BUDGET_CHECK } from './probe-record.js';
export type { ProbeTimers } from './probe-timers.js';
