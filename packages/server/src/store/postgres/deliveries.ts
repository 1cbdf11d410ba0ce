// The PostgreSQL adapter's notification deliveries and the claims that make each send happen once.
import type { DeliveryRow, Store } from '../port.js';
import type { Db } from './db.js';

type DeliveriesPart = Pick<Store, 'saveDelivery' | 'claimDelivery'>;

/** An incident's deliveries, oldest first (then by channel and event), for its detail. */
export function deliveriesOf(db: Db, incidentId: string): Promise<DeliveryRow[]> {
  return db.rows<DeliveryRow>(
    `SELECT incident_id AS "incidentId", channel, kind, event, at_ms AS "atMs", outcome, attempts
     FROM deliveries WHERE incident_id = $1 ORDER BY at_ms, channel, event`,
    [incidentId],
  );
}

/** The newest row per (incident, channel, event) in `deliveries`; claims in `delivery_claims`. */
export function postgresDeliveries(db: Db): DeliveriesPart {
  return {
    async saveDelivery(d) {
      await db.count(
        `INSERT INTO deliveries (incident_id, channel, event, kind, at_ms, outcome, attempts)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (incident_id, channel, event) DO UPDATE SET kind = EXCLUDED.kind,
           at_ms = EXCLUDED.at_ms, outcome = EXCLUDED.outcome, attempts = EXCLUDED.attempts`,
        [d.incidentId, d.channel, d.event, d.kind, d.atMs, d.outcome, d.attempts],
      );
    },
    async claimDelivery(incidentId, stage, channel) {
      // The primary key decides: of any number of replicas racing, exactly one inserts the row.
      const claimed = await db.count(
        `INSERT INTO delivery_claims (incident_id, stage, channel) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING`,
        [incidentId, stage, channel],
      );
      return claimed === 1;
    },
  };
}
