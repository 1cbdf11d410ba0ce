// The store port's contract suite: every adapter (memory, SQLite, PostgreSQL) runs these same tests.
import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../../src/store/port.js';
import { adminContract } from './contract-admin.js';
import { feedContract } from './contract-feed.js';
import { incidentsContract } from './contract-incidents.js';
import type { ContractContext, StoreContractOptions } from './contract-context.js';
import { recordsContract } from './contract-records.js';
import { rollupsContract } from './contract-rollups.js';

export type { ContractContext, StoreContractOptions } from './contract-context.js';

/**
 * Declares the contract tests for one adapter. `open` is called before every test and must give
 * an empty store; the suite closes it after the test (a second `close()` may reject; it is ignored).
 *
 * @example
 * storeContract('memory', () => Promise.resolve(createMemoryStore()));
 */
export function storeContract(
  name: string,
  open: () => Promise<Store>,
  options: StoreContractOptions | (() => Promise<void>) = {},
): void {
  const opts: StoreContractOptions = typeof options === 'function' ? { cleanup: options } : options;
  describe(`store contract: ${name}`, () => {
    let current: Store | undefined;
    beforeEach(async () => {
      current = await open();
    });
    afterEach(async () => {
      await current?.close().catch(() => undefined);
      current = undefined;
      await opts.cleanup?.();
    });
    const ctx: ContractContext = {
      options: opts,
      store() {
        if (current === undefined) throw new Error('no store is open');
        return current;
      },
    };
    recordsContract(ctx);
    incidentsContract(ctx);
    adminContract(ctx);
    feedContract(ctx);
    rollupsContract(ctx);
  });
}
