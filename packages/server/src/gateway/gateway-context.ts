/** What every request of one gateway shares. */
import type { RecorderContext } from './attempt-recorder.js';
import type { Cooldowns } from './cooldowns.js';
import type { GatewayLimits } from './gateway-options.js';
import type { RouteTable } from './route-table.js';
import type { Upstream } from './upstream-pools.js';

/** The routes, pools, limits and `retry-after` waits, with the recorder's sink and breakers. */
export interface GatewayContext extends RecorderContext {
  readonly table: RouteTable;
  readonly upstreams: ReadonlyMap<string, Upstream>;
  readonly limits: GatewayLimits;
  readonly cooldowns: Cooldowns;
}
