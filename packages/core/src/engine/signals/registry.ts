/**
 * Every signal the engine uses, in the order its parts run: the failure share first (its
 * assessment is the base the others overlay, and its proposals come first), the deadline last
 * (it re-attributes a timeout incident after every other revision). Adding a signal: its file,
 * its thresholds in tuning.ts, and a line here.
 */
import { contrast } from './contrast.js';
import { deadline } from './deadline.js';
import { failureShare } from './failure-share.js';
import { golden } from './golden.js';
import { latency } from './latency.js';
import { probe } from './probe.js';
import type { Signal } from './signal.js';
import { statusPage } from './status-page.js';

/** The registered signals, in order. */
export const SIGNALS: readonly Signal[] = [
  failureShare,
  golden,
  latency,
  probe,
  contrast,
  statusPage,
  deadline,
];
