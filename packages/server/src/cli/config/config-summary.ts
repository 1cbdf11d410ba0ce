/** The few lines `faultline config check` prints about a valid config. */
import {
  formatDuration,
  formatListen,
  redactConfig,
  type FaultlineConfig,
} from '../../config/index.js';

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What the service will do with `config`, secrets left out. */
export function configSummary(config: FaultlineConfig): string[] {
  const c = redactConfig(config);
  const store = c.store.driver === 'sqlite' ? `sqlite ${c.store.path}` : `postgres ${c.store.url}`;
  const kinds = [...new Set(c.notify.map((n) => n.kind))];
  const lines = [
    `listen ${formatListen(c.listen)}, store ${store}, records kept ${formatDuration(c.retention.records)}`,
    [
      count(c.tokens.length, 'token'),
      count(c.status_pages.length, 'status page'),
      count(c.probes.length, 'probe'),
      `${count(c.notify.length, 'notify channel')}${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}`,
    ].join(', '),
  ];
  const g = c.gateway;
  lines.push(
    g === null
      ? 'no gateway'
      : `gateway on ${formatListen(g.listen)}: ${count(g.targets.length, 'target')}, ${count(g.routes.length, 'route')}`,
  );
  const page = c.status_page;
  lines.push(
    page === null
      ? 'status page: one component per provider seen'
      : `status page "${page.title}": ${count(page.components.length, 'component')}`,
  );
  lines.push(
    `breaker opens on ${c.breaker.open_on.join(', ') || 'nothing'}, recovery ${c.breaker.recovery}`,
  );
  return lines;
}
