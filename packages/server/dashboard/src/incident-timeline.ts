/**
 * The incident's timeline: its events, the status page's changes and the breaker changes in one
 * list, the page's lag in words.
 */
import { h, type ComponentChild } from 'preact';
import type { IncidentDetail } from './api.js';
import { breakerItems } from './breaker-items.js';
import { duration, lagSentence } from './incident-lag.js';
import { clock } from './incident-list.js';
import { statusChanges, type StatusChange } from './incident-points.js';

interface Item {
  readonly atMs: number;
  readonly text: string;
  readonly kind: string;
}

const at = (ms: number): string => clock(new Date(ms).toISOString());

function pageItem(c: StatusChange, detectedMs: number): Item {
  const title = c.incident === null ? '' : ` "${c.incident}"`;
  const claim = c.claimedMs === null ? '' : `; the page claims it began at ${at(c.claimedMs)}`;
  const gap = c.seenMs - detectedMs;
  const vs =
    Math.abs(gap) < 1000
      ? 'at detection'
      : `${duration(gap)} ${gap > 0 ? 'after' : 'before'} detection`;
  return {
    atMs: c.seenMs,
    kind: 'status-page',
    text: `${at(c.seenMs)} status page: ${c.provider} ${c.component} ${c.status}${title} (first seen, ${vs}${claim})`,
  };
}

/** The timeline; `status` are the window's `kind: "status"` records (none while they load). */
export function Timeline(props: {
  detail: IncidentDetail;
  status: readonly Record<string, unknown>[];
}): ComponentChild {
  const d = props.detail;
  const startedMs = Date.parse(d.started_at);
  const detectedMs = Date.parse(d.detected_at);
  const changes = statusChanges(props.status).filter(
    (c) =>
      (d.provider === null || c.provider === d.provider) &&
      c.seenMs >= startedMs - 3600_000 &&
      (d.resolved_at === null || c.seenMs <= Date.parse(d.resolved_at) + 3600_000),
  );
  const items: Item[] = [
    ...d.events.map((e) => ({
      atMs: Date.parse(e.at),
      kind: e.kind,
      text: e.summary.startsWith(e.kind)
        ? `${clock(e.at)} ${e.summary}`
        : `${clock(e.at)} ${e.kind}: ${e.summary}`,
    })),
    ...changes.map((c) => pageItem(c, detectedMs)),
    ...breakerItems(d.breakers ?? []),
  ].sort((a, b) => a.atMs - b.atMs);
  return h('div', null, [
    h('p', { class: 'lag' }, lagSentence(changes, { startedMs, detectedMs, provider: d.provider })),
    h(
      'ol',
      { class: 'timeline' },
      items.map((i) => h('li', { 'data-kind': i.kind }, i.text)),
    ),
  ]);
}
