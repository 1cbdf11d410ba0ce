// A service in-process for the dashboard tests: temp SQLite, known tokens, a hostile status page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateConfig } from '../../src/config/index.js';
import { startService, type RunningService } from '../../src/serve/start-service.js';
import { fixture, startPageServer, type PageServer } from '../status-pages/page-server.js';

/** Markup that must only ever show as text. */
export const HOSTILE = '<img src=x onerror=alert(1)></script><script>window.pwned=1</script>';

export const TOKENS = {
  admin: 'dashboard-admin-token',
  read: 'dashboard-read-token',
  ingest: 'dashboard-ingest-token',
} as const;

export interface DashboardService {
  readonly service: RunningService;
  readonly url: string;
  close(): Promise<void>;
}

/** {@link HOSTILE} as a page sends it in JSON: text, which the poller keeps as written. */
const ENCODED = HOSTILE;
/** The watched component's name once read. */
const COMPONENT = `Messages ${HOSTILE}`;

/** A Statuspage v2 summary whose component and incident names hold {@link HOSTILE}. */
function hostileSummary(): string {
  const doc = JSON.parse(fixture('statuspage-summary-degraded.json')) as {
    components: { name: string }[];
    incidents: { name: string; components?: { name: string }[] }[];
  };
  const rename = (n: string): string => (n.startsWith('Messages API') ? `Messages ${ENCODED}` : n);
  for (const c of doc.components) c.name = rename(c.name);
  for (const i of doc.incidents) {
    i.name = `Errors ${ENCODED}`;
    for (const c of i.components ?? []) c.name = rename(c.name);
  }
  return JSON.stringify(doc);
}

/** Starts the page host and the service watching it for provider `google`. */
export async function startDashboardService(): Promise<DashboardService> {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-dashboard-'));
  const pages: PageServer = await startPageServer();
  pages.set('/api/v2/summary.json', { type: 'application/json', body: hostileSummary() });
  const config = validateConfig(
    {
      store: join(dir, 'faultline.db'),
      tokens: [
        { name: 'oncall', role: 'admin', token: TOKENS.admin },
        { name: 'viewer', role: 'read', token: TOKENS.read },
        { name: 'app', role: 'ingest', token: TOKENS.ingest },
      ],
      status_pages: [
        {
          provider: 'google',
          kind: 'statuspage',
          url: pages.url,
          every: '500ms',
          components: { [COMPONENT]: ['*'] },
        },
      ],
    },
    { env: {} },
  );
  const service = await startService({ config, log: () => undefined, port: 0 });
  await service.caughtUp;
  return {
    service,
    url: service.address.url,
    async close() {
      await service.close();
      await pages.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
