/**
 * The store port: everything the service keeps, declared by the service that consumes it. Three
 * adapters implement it (memory, SQLite, PostgreSQL) and one contract suite
 * (`test/store/contract.ts`) runs against each. Every method is async, so the synchronous SQLite
 * driver and the networked PostgreSQL one look the same to the service.
 *
 * Times are epoch milliseconds; JSON documents are stored as text exactly as given, so what goes
 * in comes out byte for byte (unknown record fields kept).
 */

import { FaultlineError, hasBrand } from '@faultline/core';
import type { RollupQuery, RollupRow } from './rollup-row.js';

export type { RollupFailures, RollupQuery, RollupRow } from './rollup-row.js';

/** A token's role (server-api.md, Authentication). */
export type TokenRole = 'ingest' | 'read' | 'admin';

/** One record ready to store: the index columns plus the record's JSON as it will be served. */
export interface RecordRow {
  /** The record's `ts` in epoch ms. */
  readonly tsMs: number;
  /** `call` for a call record, `status` for a status observation. */
  readonly kind: 'call' | 'status';
  readonly provider: string;
  /** The model (calls) or `""` (status observations). */
  readonly model: string;
  /** `source` of a call (`sdk`, `probe`, `gateway`, …), `""` for a status observation. */
  readonly source: string;
  /** The classification's layer (`none` for a success), `""` for a status observation. */
  readonly layer: string;
  /** The record as ingested, with its `classification`, serialised as one JSON object. */
  readonly json: string;
  /**
   * The classification's reason, when the writer knows it: carried to the live engine's feed and
   * `/metrics` after the commit; adapters need not store it (it is in `json`).
   */
  readonly reason?: string | undefined;
}

/** A stored record: its row plus the commit sequence the store gave it. */
export interface StoredRecord extends RecordRow {
  /** Strictly increasing in commit order (a later commit never gets a smaller number). */
  readonly seq: number;
}

/** How long an `Idempotency-Key` is remembered after its batch arrived (server-api.md: 24 hours). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** A batch of records to commit whole, or not at all. */
export interface RecordBatch {
  readonly rows: readonly RecordRow[];
  /** When given, the key and the rows commit in one transaction (server-api.md, Idempotency-Key). */
  readonly idempotencyKey?: string | undefined;
  /** The response body to keep under the key and return for a resend. */
  readonly response: string;
  /** The time the batch arrived (keys expire 24 h after it). */
  readonly nowMs: number;
}

export type CommitResult =
  /**
   * Stored. The rows got the consecutive sequences `firstSeq … firstSeq + rows - 1` in their
   * order (an empty batch: `firstSeq` is the next free one). Sequence order is commit order: a
   * reader that has seen a record never later sees a new one with a smaller `seq` (issue 14 reads
   * records across leader changes by it).
   */
  | { readonly kind: 'committed'; readonly firstSeq: number }
  /** The key was seen in the last 24 hours: nothing stored; the first response's body. */
  | { readonly kind: 'duplicate'; readonly response: string };

/** A query on records (server-api.md, GET /v1/records). `fromMs` inclusive, `toMs` exclusive. */
export interface RecordQuery {
  readonly fromMs: number;
  readonly toMs: number;
  readonly kind: 'call' | 'status';
  readonly provider?: string | undefined;
  readonly model?: string | undefined;
  readonly layer?: string | undefined;
  readonly source?: string | undefined;
  readonly limit: number;
  /** Continue after this record (by `ts`, then `seq`), from the previous page's last. */
  readonly after?: { readonly tsMs: number; readonly seq: number } | undefined;
}

/** An incident as stored: the diagnosis.md incident object and the columns it is found by. */
export interface IncidentRow {
  readonly id: string;
  readonly state: 'open' | 'resolved';
  readonly provider: string | null;
  readonly startedAtMs: number;
  /** When it ended, or `null` while open. */
  readonly endedAtMs: number | null;
  readonly updatedAtMs: number;
  /** The incident object of diagnosis.md, serialised. */
  readonly json: string;
}

export interface IncidentEventRow {
  readonly kind: 'opened' | 'updated' | 'resolved' | 'reopened' | 'merged';
  readonly atMs: number;
  readonly summary: string;
}

export type UpdateStage = 'investigating' | 'identified' | 'monitoring' | 'resolved';
export type UpdateVoice = 'public' | 'internal';

export interface UpdateRow {
  readonly stage: UpdateStage;
  readonly voice: UpdateVoice;
  readonly text: string;
  readonly draftedAtMs: number;
  readonly publishedAtMs: number | null;
}

/** One change of verdict, stored in one transaction. */
export interface IncidentChange {
  readonly incident: IncidentRow;
  readonly event: IncidentEventRow;
  /**
   * Drafts to keep (one per stage and voice; a new draft replaces an older one of the same stage
   * and voice unless that one was published, which stays as published).
   */
  readonly updates: readonly Omit<UpdateRow, 'publishedAtMs'>[];
}

export interface IncidentQuery {
  readonly state?: 'open' | 'resolved' | undefined;
  /** Incidents active at or after this time (open, or ended at or after it). */
  readonly sinceMs?: number | undefined;
  readonly provider?: string | undefined;
  readonly limit: number;
  /** Continue after this incident (newest `started_at` first, then by id). */
  readonly after?: { readonly startedAtMs: number; readonly id: string } | undefined;
}

export interface IncidentDetail {
  readonly incident: IncidentRow;
  readonly events: readonly IncidentEventRow[];
  readonly updates: readonly UpdateRow[];
  readonly notifications: readonly DeliveryRow[];
}

/** The engine's saved state and how far into the records it had read. */
export interface EngineSnapshotRow {
  /** `engine.snapshot()` and the service's own state, serialised. */
  readonly json: string;
  /** The `seq` of the last record the snapshot includes. */
  readonly lastSeq: number;
  readonly savedAtMs: number;
}

export interface TokenRow {
  readonly id: string;
  readonly name: string;
  readonly role: TokenRole;
  /** sha256 of the token, hex. The token itself is never stored. */
  readonly hash: string;
  readonly createdAtMs: number;
  readonly revokedAtMs: number | null;
}

/** One entry of the event feed behind `GET /v1/events` (server-api.md), kept for resume. */
export interface FeedEntry {
  /** Strictly increasing; the SSE `id:` of the entry. */
  readonly id: number;
  /** `incident.opened`, `incident.updated`, …, `breaker.changed`, `status.changed`. */
  readonly type: string;
  readonly atMs: number;
  /** The SSE `data:` JSON. */
  readonly data: string;
}

/** One notification delivery (issue 11), keyed by incident, stage and channel. */
export interface DeliveryRow {
  readonly incidentId: string;
  readonly channel: string;
  readonly kind: string;
  readonly event: string;
  readonly atMs: number;
  readonly outcome: 'delivered' | 'failed' | 'retrying';
  readonly attempts: number;
}

/** One breaker's state (issue 11): its target and its state machine's JSON. */
export interface BreakerRow {
  readonly target: string;
  readonly json: string;
  readonly updatedAtMs: number;
}

/** Thrown (rejected) when the store cannot take writes now: ingest answers 503 with Retry-After. */
export class StoreUnavailableError extends FaultlineError {
  override readonly name = 'StoreUnavailableError';
  /** Brand read by {@link isStoreUnavailableError}. */
  readonly isStoreUnavailableError = true;
}

/** Whether `e` is a {@link StoreUnavailableError} (by brand, so it holds across copies). */
export function isStoreUnavailableError(e: unknown): e is StoreUnavailableError {
  return hasBrand(e, 'isStoreUnavailableError');
}

export interface Store {
  /** `sqlite`, `postgres` or `memory`. */
  readonly kind: string;
  /** Resolves when the store answers a trivial query (readiness). */
  ping(): Promise<void>;

  commitRecords(batch: RecordBatch): Promise<CommitResult>;
  /** Records by `ts` then `seq` (the export API). */
  queryRecords(query: RecordQuery): Promise<StoredRecord[]>;
  /** Records with `seq > afterSeq` in `seq` order, at most `limit` (the live engine's resume). */
  recordsAfter(afterSeq: number, limit: number): Promise<StoredRecord[]>;
  /** The highest `seq` stored, or 0. */
  lastSeq(): Promise<number>;
  /**
   * Deletes records with `ts` before `beforeMs` (only those of `kind` when given), at most `limit`
   * of them, oldest first; returns how many.
   */
  deleteRecordsBefore(beforeMs: number, limit: number, kind?: 'call' | 'status'): Promise<number>;

  /**
   * Upserts the incident, appends its event and keeps its drafts in one transaction, together
   * with the feed entry `feed` (type and data) when given; resolves to that entry's id (or 0).
   */
  saveIncidentChange(
    change: IncidentChange,
    feed?: Omit<FeedEntry, 'id' | 'atMs'>,
  ): Promise<number>;
  queryIncidents(query: IncidentQuery): Promise<IncidentRow[]>;
  incident(id: string): Promise<IncidentDetail | undefined>;
  /** Marks the stored draft of `stage` published (with edited text if given); `undefined` if none. */
  publishUpdate(
    id: string,
    stage: UpdateStage,
    voice: UpdateVoice,
    text: string | undefined,
    atMs: number,
  ): Promise<UpdateRow | undefined>;

  /** Appends an entry to the event feed (breaker and status changes); resolves to its id. */
  appendFeed(entry: Omit<FeedEntry, 'id'>): Promise<number>;
  /** Feed entries with `id > afterId` in order, at most `limit` (SSE `Last-Event-ID` resume). */
  feedAfter(afterId: number, limit: number): Promise<FeedEntry[]>;
  /**
   * Feed entries of `type` with `fromMs <= atMs < toMs`, oldest first (then by id), at most
   * `limit` (an incident's breaker changes, GET /v1/incidents/{id}).
   */
  feedBetween(fromMs: number, toMs: number, type: string, limit: number): Promise<FeedEntry[]>;
  /** Deletes feed entries older than `beforeMs`; returns how many. */
  deleteFeedBefore(beforeMs: number): Promise<number>;

  /** The `seq` of the last record the rollups include (0 before the first). */
  rollupCursor(): Promise<number>;
  /**
   * Adds `rows` to the stored rollups (same minute and scope: summed) and moves the cursor from
   * `fromSeq` to `toSeq`, in one transaction; false, and nothing changed, when the cursor was not
   * at `fromSeq` (another writer got there first), so no record is ever counted twice.
   */
  applyRollups(rows: readonly RollupRow[], fromSeq: number, toSeq: number): Promise<boolean>;
  /** Rollup rows in the range, by minute, then provider and model. */
  queryRollups(query: RollupQuery): Promise<RollupRow[]>;
  /** Deletes rollup rows of minutes before `beforeMs`, at most `limit`; returns how many. */
  deleteRollupsBefore(beforeMs: number, limit: number): Promise<number>;

  saveSnapshot(snapshot: EngineSnapshotRow): Promise<void>;
  /** The latest saved snapshot, or `undefined`. */
  loadSnapshot(): Promise<EngineSnapshotRow | undefined>;

  createToken(token: TokenRow): Promise<void>;
  listTokens(): Promise<TokenRow[]>;
  /** The unrevoked token with this hash. */
  tokenByHash(hash: string): Promise<TokenRow | undefined>;
  /** Revokes by id or name; returns how many were revoked. */
  revokeToken(idOrName: string, atMs: number): Promise<number>;

  /** Records a delivery attempt; the newest row per (incident, channel, event) is kept. */
  saveDelivery(delivery: DeliveryRow): Promise<void>;
  /**
   * Claims the right to send (incident, stage, channel) once: true for the first caller ever,
   * false for every later one (issue 14: no duplicate notification across replicas).
   */
  claimDelivery(incidentId: string, stage: string, channel: string): Promise<boolean>;

  saveBreaker(breaker: BreakerRow): Promise<void>;
  loadBreakers(): Promise<BreakerRow[]>;

  /** Closes connections; later calls reject. */
  close(): Promise<void>;
}
