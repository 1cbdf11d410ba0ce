// What the parts of the store contract suite share: the adapter's options and the open store.
import type { Store } from '../../src/store/port.js';

/** What an adapter's test file gives the suite besides `open`. */
export interface StoreContractOptions {
  /** Runs after each test once its store is closed (drop the database, remove the file). */
  readonly cleanup?: () => Promise<void>;
  /**
   * Makes the store's writes fail until the returned function is called (e.g. another connection
   * holding the write lock). Without it, the tests of failed writes are skipped.
   */
  readonly breakWrites?: (store: Store) => Promise<() => Promise<void>>;
}

/** What each part of the suite reads: the open store of the running test and the options. */
export interface ContractContext {
  store(): Store;
  readonly options: StoreContractOptions;
}
