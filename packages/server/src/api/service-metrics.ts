/**
 * The service's Prometheus metrics (server-api.md, GET /metrics), on their own prom-client
 * registry. Every name starts with `faultline_`; labels stay bounded: provider and model label
 * sets are capped, and what is beyond the cap counts under `other`.
 */
import { BREAKER_STATES } from '@faultline/core';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What the metrics read at scrape time from the live engine. */
export interface EngineGauges {
  /** Seconds between the newest record and the engine's clock. */
  lagSeconds(): number;
  /** Records that came after the lateness window so far (judged at the engine's clock). */
  lateRecords(): number;
  /** Open incidents, one entry each. */
  openIncidents(): readonly { layer: string; scope: string; provider: string }[];
  /** Each breaker's state by provider and model (none: no breaker runs). */
  breakers?(): readonly { provider: string; model: string; state: string }[];
}

export interface ServiceMetricsOptions {
  /** Distinct provider/model pairs labelled before the rest count as `other` (default 1000). */
  readonly maxModelLabels?: number;
  /** Also export the `process_*` and `nodejs_*` runtime metrics (default true). */
  readonly runtime?: boolean;
}

/** The metrics and the methods that move them. */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly #ingested: Counter<'source'>;
  readonly #rejected: Counter<'source'>;
  readonly #calls: Counter<'provider' | 'model' | 'layer' | 'reason'>;
  readonly #storeWrite: Histogram;
  readonly #polls: Counter<'provider' | 'outcome'>;
  readonly #probes: Counter<'provider' | 'model' | 'outcome'>;
  readonly #probeLatency: Histogram<'provider'>;
  readonly #notifications: Counter<'channel' | 'outcome'>;
  readonly #models = new Set<string>();
  readonly #maxModels: number;

  constructor(engine: EngineGauges, options: ServiceMetricsOptions = {}) {
    const registers = [this.registry];
    this.#maxModels = options.maxModelLabels ?? 1000;
    if (options.runtime ?? true) collectDefaultMetrics({ register: this.registry });
    this.#ingested = new Counter({
      name: 'faultline_records_ingested_total',
      help: 'Records accepted and committed, by source.',
      labelNames: ['source'],
      registers,
    });
    this.#rejected = new Counter({
      name: 'faultline_records_rejected_total',
      help: 'Record lines refused at ingest, by source (unknown when the line was unreadable).',
      labelNames: ['source'],
      registers,
    });
    new Counter({
      name: 'faultline_records_late_total',
      help: 'Records that arrived after the lateness window and were judged at the engine clock.',
      registers,
      collect() {
        this.reset();
        this.inc(engine.lateRecords());
      },
    });
    this.#calls = new Counter({
      name: 'faultline_calls_total',
      help: 'Call records by provider, model, failure layer and reason.',
      labelNames: ['provider', 'model', 'layer', 'reason'],
      registers,
    });
    this.#storeWrite = new Histogram({
      name: 'faultline_store_write_seconds',
      help: 'Time to commit one ingest batch to the store.',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.#polls = new Counter({
      name: 'faultline_status_polls_total',
      help: 'Status-page polls by provider and outcome (changed, unchanged, not_modified, unknown).',
      labelNames: ['provider', 'outcome'],
      registers,
    });
    this.#probes = new Counter({
      name: 'faultline_probes_total',
      help: 'Probe calls by provider, model and outcome (ok, or the failure layer).',
      labelNames: ['provider', 'model', 'outcome'],
      registers,
    });
    this.#probeLatency = new Histogram({
      name: 'faultline_probe_latency_seconds',
      help: 'Probe call latency by provider.',
      labelNames: ['provider'],
      buckets: [0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 30],
      registers,
    });
    new Gauge({
      name: 'faultline_engine_lag_seconds',
      help: "Seconds between the newest record's time and the engine's clock.",
      registers,
      collect() {
        this.set(engine.lagSeconds());
      },
    });
    new Gauge({
      name: 'faultline_open_incidents',
      help: 'Open incidents by layer, scope and provider.',
      labelNames: ['layer', 'scope', 'provider'],
      registers,
      collect() {
        this.reset();
        for (const i of engine.openIncidents()) this.inc(i);
      },
    });
    new Gauge({
      name: 'faultline_breaker_state',
      help: 'Breaker state by provider and model: 1 for the current state (closed, open, half_open), else 0.',
      labelNames: ['provider', 'model', 'state'],
      registers,
      collect() {
        this.reset();
        for (const b of engine.breakers?.() ?? [])
          for (const state of BREAKER_STATES)
            this.set({ provider: b.provider, model: b.model, state }, b.state === state ? 1 : 0);
      },
    });
    this.#notifications = new Counter({
      name: 'faultline_notifications_total',
      help: 'Notification delivery attempts logged, by channel and outcome (delivered, retrying, failed).',
      labelNames: ['channel', 'outcome'],
      registers,
    });
  }

  /** One delivery-log row of a notify channel (channels come from the config: bounded). */
  notification(channel: string, outcome: string): void {
    this.#notifications.inc({ channel, outcome });
  }

  /** `n` records of `source` committed. */
  ingested(source: string, n: number): void {
    this.#ingested.inc({ source }, n);
  }

  rejected(source: string, n: number): void {
    this.#rejected.inc({ source }, n);
  }

  /** One call record, counted under a bounded label set. */
  call(provider: string, model: string, layer: string, reason: string): void {
    const key = `${provider}\u0000${model}`;
    if (!this.#models.has(key)) {
      if (this.#models.size >= this.#maxModels) {
        this.#calls.inc({ provider: 'other', model: 'other', layer, reason });
        return;
      }
      this.#models.add(key);
    }
    this.#calls.inc({ provider, model, layer, reason });
  }

  /** One status-page poll's outcome (providers come from the config: bounded). */
  poll(provider: string, outcome: string): void {
    this.#polls.inc({ provider, outcome });
  }

  /** One probe call (probes come from the config: bounded). */
  probe(
    provider: string,
    model: string,
    outcome: string,
    latencySeconds: number | undefined,
  ): void {
    this.#probes.inc({ provider, model, outcome });
    if (latencySeconds !== undefined) this.#probeLatency.observe({ provider }, latencySeconds);
  }

  storeWrite(seconds: number): void {
    this.#storeWrite.observe(seconds);
  }

  /** The exposition text and its content type. */
  async expose(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
