/** The schema of `store`: a path (SQLite) or a `postgres://` URL, told apart by its prefix. */
import { z } from 'zod';
import { REDACTED, redactWith } from './secret.js';

/** Where the service keeps its data. */
export type StoreTarget =
  | {
      readonly driver: 'sqlite';
      /** As written: relative to the working directory. */ readonly path: string;
    }
  | { readonly driver: 'postgres'; readonly url: string };

const POSTGRES = /^postgres(ql)?:\/\//i;

function toStore(text: string): StoreTarget {
  return POSTGRES.test(text) ? { driver: 'postgres', url: text } : { driver: 'sqlite', path: text };
}

/** A PostgreSQL URL with its password (in the authority or `?password=`) replaced. */
export function redactUrlPassword(text: string): string {
  try {
    const url = new URL(text);
    if (url.password !== '') url.password = 'redacted';
    if (url.searchParams.has('password')) url.searchParams.set('password', 'redacted');
    return url.toString();
  } catch {
    return REDACTED;
  }
}

/** `store`: a path or URL in, a {@link StoreTarget} out; a PostgreSQL password never prints. */
export function storeField(defaultValue: string, description: string) {
  const schema = z
    .string()
    .min(1, 'must not be empty')
    .refine((text) => !POSTGRES.test(text) || URL.canParse(text), {
      message: 'not a valid postgres:// URL',
    })
    // A URL of another database is a mistake, not a SQLite file named "mysql:".
    .refine((text) => POSTGRES.test(text) || !/^[a-z][a-z0-9+.-]*:\/\//i.test(text), {
      message: 'not a store this version knows: a SQLite path or a postgres:// URL',
    })
    .transform(toStore)
    .prefault(defaultValue)
    .describe(description);
  return redactWith(schema, (value) => {
    const store = value as StoreTarget;
    return store.driver === 'postgres' ? { ...store, url: redactUrlPassword(store.url) } : store;
  });
}
