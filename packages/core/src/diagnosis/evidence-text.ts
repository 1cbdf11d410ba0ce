/**
 * Evidence sentences, written from the facts alone: the text can never state what the facts do
 * not, and tools that read `facts` see exactly what people read in `text`.
 */
import {
  clockUtc,
  duration,
  durationWords,
  listWords,
  precisePercent,
  providerDisplayName as name,
} from '../format/index.js';
import type {
  DeadlineFacts,
  EvidenceFactsByKind,
  EvidenceKind,
  EvidenceOf,
  LatencyMeasure,
} from './evidence-facts.js';
import { observedWords } from './observed.js';

const MEASURE_WORDS: Readonly<Record<LatencyMeasure, string>> = {
  median_latency: 'median latency',
  p95_latency: 'p95 latency',
  ttft: 'time to first token',
};

const at = (iso: string): string => clockUtc(Date.parse(iso));

function deadlineText(f: DeadlineFacts): string {
  if (f.change === 'lowered')
    return `calls hit our own ${duration(f.deadline_ms)} deadline, lowered from ${duration(f.previous_deadline_ms)} at ${at(f.changed_at)}, below the usual response time`;
  const d = f.deadline_ms === null ? '' : `${duration(f.deadline_ms)} `;
  return `calls ran into our unchanged ${d}deadline as ${listWords(f.models)} slowed down`;
}

const TEXT: { readonly [K in EvidenceKind]: (f: EvidenceFactsByKind[K]) => string } = {
  error_rate: (f) =>
    `${precisePercent(f.share)} of ${listWords(f.providers.map((p) => name(p)))} calls to ${listWords(f.models)} ${f.layer === 'model' ? `returned HTTP 200 but were ${observedWords(f.observed)}` : `failed with ${observedWords(f.observed)}`} in the minute to ${at(f.window_end)}, against ${precisePercent(f.baseline)} normally`,
  latency: (f) =>
    `${MEASURE_WORDS[f.measure]} of ${listWords(f.models)} rose to ${duration(f.value_ms)}, ${f.ratio.toFixed(1)}× the usual ${duration(f.baseline_ms)}`,
  deadline: deadlineText,
  cross_provider: (f) =>
    `Over the same minutes, calls to ${listWords(f.providers.map((p) => `${name(p.provider)} (${precisePercent(p.share)})`))} failed at their normal rate`,
  sibling_models: (f) => `${listWords(f.models)} at the same provider worked normally`,
  probe: (f) =>
    `${f.failed} of ${f.probes} synthetic probes to ${listWords(f.models)} failed in the same minute`,
  golden: (f) =>
    `answers from ${listWords(f.models)} failed ${f.failed} of ${f.checks} known-answer checks since ${at(f.since)}`,
  status_page: (f) =>
    `${name(f.provider)} status page listed ${f.component} as ${f.status} from ${at(f.since)}`,
  // Said beside the `status_page` sentence, often of the same listing: the lag, not the listing again.
  status_lag: (f) =>
    `${name(f.provider)} status page was ${durationWords(f.lag_ms)} behind our first failures: its first move on ${f.component} came at ${at(f.listed_at)}`,
};

/** The evidence item for `facts`, with its sentence. */
export function evidence<K extends EvidenceKind>(
  kind: K,
  facts: EvidenceFactsByKind[K],
): EvidenceOf<K> {
  const text = (TEXT[kind] as (f: EvidenceFactsByKind[K]) => string)(facts);
  return { kind, text, facts };
}
