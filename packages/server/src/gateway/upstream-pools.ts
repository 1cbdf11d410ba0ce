/** One keep-alive connection pool per target (undici `Pool`: ~3× `fetch`, gateways.md §5). */
import { Pool } from 'undici';
import type { GatewayLimits, GatewayTarget } from './gateway-options.js';

/** A target's pool and the path its base URL adds before each request's own path. */
export interface Upstream {
  readonly target: GatewayTarget;
  readonly pool: Pool;
  /** The base URL's path without a trailing slash (`/v1` for OpenAI, `` for Anthropic). */
  readonly basePath: string;
  /** `https://api.anthropic.com`: the origin requests go to. */
  readonly origin: string;
}

/** Pools for every target by name; `close()` ends them all. */
export function createUpstreams(
  targets: readonly GatewayTarget[],
  limits: GatewayLimits,
): { readonly byName: ReadonlyMap<string, Upstream>; close(): Promise<void> } {
  const byName = new Map<string, Upstream>();
  for (const target of targets) {
    const url = new URL(target.base_url);
    const pool = new Pool(url.origin, {
      connect: { timeout: limits.connectTimeoutMs },
      headersTimeout: limits.headersTimeoutMs,
      bodyTimeout: limits.idleTimeoutMs,
    });
    const basePath = url.pathname.endsWith('/') ? url.pathname.slice(0, -1) : url.pathname;
    byName.set(target.name, { target, pool, basePath, origin: url.origin });
  }
  return {
    byName,
    async close() {
      await Promise.all([...byName.values()].map((u) => u.pool.destroy()));
    },
  };
}
