/** `faultline_leader` on `/metrics`: 1 on the replica that leads, 0 on the followers. */
import { Gauge, type Registry } from 'prom-client';

/** Registers the gauge on `registry`, read from `isLeader` at each scrape. */
export function registerLeaderGauge(registry: Registry, isLeader: () => boolean): void {
  new Gauge({
    name: 'faultline_leader',
    help: 'Whether this replica leads (runs the engine, watch, notifications, breakers, retention).',
    registers: [registry],
    collect() {
      this.set(isLeader() ? 1 : 0);
    },
  });
}
