// The PostgreSQL schema as an ordered list of migrations; a released entry is never edited.

/** One schema step: applied once, in `version` order, recorded in `schema_migrations`. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * Times are epoch ms in `bigint`; JSON is kept as `text`, byte for byte. Text keys use the "C"
 * collation so ordering is by code point, as the memory adapter compares strings.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
CREATE TABLE counters (name text COLLATE "C" PRIMARY KEY, value bigint NOT NULL);
INSERT INTO counters (name, value) VALUES ('records', 0), ('feed', 0);

CREATE TABLE records (
  seq bigint PRIMARY KEY,
  ts_ms bigint NOT NULL,
  kind text NOT NULL,
  provider text NOT NULL,
  model text NOT NULL,
  source text NOT NULL,
  layer text NOT NULL,
  json text NOT NULL
);
CREATE INDEX records_kind_ts ON records (kind, ts_ms, seq);

CREATE TABLE idempotency_keys (
  key text COLLATE "C" PRIMARY KEY,
  response text NOT NULL,
  created_at_ms bigint NOT NULL
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at_ms);

CREATE TABLE incidents (
  id text COLLATE "C" PRIMARY KEY,
  state text NOT NULL,
  provider text,
  started_at_ms bigint NOT NULL,
  ended_at_ms bigint,
  updated_at_ms bigint NOT NULL,
  json text NOT NULL
);
CREATE INDEX incidents_started ON incidents (started_at_ms DESC, id);

CREATE TABLE incident_events (
  id bigserial PRIMARY KEY,
  incident_id text COLLATE "C" NOT NULL REFERENCES incidents (id),
  kind text NOT NULL,
  at_ms bigint NOT NULL,
  summary text NOT NULL
);
CREATE INDEX incident_events_incident ON incident_events (incident_id, id);

CREATE TABLE incident_updates (
  incident_id text COLLATE "C" NOT NULL REFERENCES incidents (id),
  stage text NOT NULL,
  voice text NOT NULL,
  text text NOT NULL,
  drafted_at_ms bigint NOT NULL,
  published_at_ms bigint,
  PRIMARY KEY (incident_id, stage, voice)
);

CREATE TABLE feed (
  id bigint PRIMARY KEY,
  type text NOT NULL,
  at_ms bigint NOT NULL,
  data text NOT NULL
);
CREATE INDEX feed_at ON feed (at_ms);

CREATE TABLE engine_snapshot (
  id smallint PRIMARY KEY CHECK (id = 1),
  json text NOT NULL,
  last_seq bigint NOT NULL,
  saved_at_ms bigint NOT NULL
);

CREATE TABLE tokens (
  id text COLLATE "C" PRIMARY KEY,
  name text COLLATE "C" NOT NULL,
  role text NOT NULL,
  hash text COLLATE "C" NOT NULL UNIQUE,
  created_at_ms bigint NOT NULL,
  revoked_at_ms bigint,
  position bigserial NOT NULL
);

CREATE TABLE deliveries (
  incident_id text COLLATE "C" NOT NULL,
  channel text COLLATE "C" NOT NULL,
  event text COLLATE "C" NOT NULL,
  kind text NOT NULL,
  at_ms bigint NOT NULL,
  outcome text NOT NULL,
  attempts integer NOT NULL,
  PRIMARY KEY (incident_id, channel, event)
);

CREATE TABLE delivery_claims (
  incident_id text COLLATE "C" NOT NULL,
  stage text COLLATE "C" NOT NULL,
  channel text COLLATE "C" NOT NULL,
  PRIMARY KEY (incident_id, stage, channel)
);

CREATE TABLE breakers (
  target text COLLATE "C" PRIMARY KEY,
  json text NOT NULL,
  updated_at_ms bigint NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'per-minute rollups',
    sql: `
CREATE TABLE rollups (
  minute_ms bigint NOT NULL,
  provider text COLLATE "C" NOT NULL,
  model text COLLATE "C" NOT NULL,
  calls bigint NOT NULL,
  probe_calls bigint NOT NULL,
  f_integration bigint NOT NULL,
  f_network bigint NOT NULL,
  f_provider bigint NOT NULL,
  f_model bigint NOT NULL,
  latency text NOT NULL,
  PRIMARY KEY (minute_ms, provider, model)
);

CREATE TABLE rollup_cursor (
  id integer PRIMARY KEY CHECK (id = 1),
  last_seq bigint NOT NULL
);
INSERT INTO rollup_cursor (id, last_seq) VALUES (1, 0);
`,
  },
];
