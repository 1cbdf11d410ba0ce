/** The fake's status pages: their settings, changed at run time, and their views of the faults. */
import type { FaultHistory } from './fault-history.js';
import { DEFAULT_STATUS_PAGES } from './default-pages.js';
import { pageView, type PageView } from './page-view.js';
import { resolveStatusPage, type StatusPageInput } from './status-page-input.js';
import type { StatusPageSettings } from './status-page.js';

/** What {@link StatusPages} is built from. */
export interface StatusPagesOptions {
  /** The fake's clock, in ms. */
  readonly now: () => number;
  /** The fault rules over time, recorded by the fake's state. */
  readonly history: FaultHistory;
  /** Changes to the default pages, or new ones (see {@link resolveStatusPage}). */
  readonly pages?: readonly StatusPageInput[];
  /** Maps the fake's clock to the times written on pages; default identity. */
  readonly toPageMs?: (fakeMs: number) => number;
}

/** The pages served under `/status/`, and the admin API's handle on them. */
export class StatusPages {
  readonly toPageMs: (fakeMs: number) => number;
  readonly #options: StatusPagesOptions;
  readonly #createdMs: number;
  readonly #pages = new Map<string, StatusPageSettings>();

  /** @throws ConfigError when a given page is invalid. */
  constructor(options: StatusPagesOptions) {
    this.#options = options;
    this.#createdMs = options.now();
    this.toPageMs = options.toPageMs ?? ((ms) => ms);
    for (const page of DEFAULT_STATUS_PAGES) this.#pages.set(page.id, page);
    for (const input of options.pages ?? []) {
      const page = resolveStatusPage(input, this.#pages.get(input.id));
      this.#pages.set(page.id, page);
    }
  }

  /** Every page's settings, in the order added. */
  list(): StatusPageSettings[] {
    return [...this.#pages.values()];
  }

  get(id: string): StatusPageSettings | undefined {
    return this.#pages.get(id);
  }

  /** Adds or replaces a page (unset fields from the default page of that id). @throws ConfigError */
  put(value: unknown): StatusPageSettings {
    const page = resolveStatusPage(value);
    this.#pages.set(page.id, page);
    return page;
  }

  /** Changes fields of a page; undefined if there is none. @throws ConfigError */
  patch(id: string, value: Record<string, unknown>): StatusPageSettings | undefined {
    const base = this.#pages.get(id);
    if (base === undefined) return undefined;
    const page = resolveStatusPage({ ...value, id }, base);
    this.#pages.set(id, page);
    return page;
  }

  remove(id: string): boolean {
    return this.#pages.delete(id);
  }

  /** What page `id` shows now, or undefined if there is no such page. */
  view(id: string): PageView | undefined {
    const settings = this.#pages.get(id);
    if (settings === undefined) return undefined;
    const { history, now } = this.#options;
    return pageView(settings, history.snapshots(), this.#createdMs, now());
  }
}
