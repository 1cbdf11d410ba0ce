/**
 * Watches the body of the caller's own Response without replacing it: its prototype becomes one
 * that extends Response.prototype, whose consuming methods (`json`, `text`, `arrayBuffer`, …) call
 * the native ones and see what they return, and whose `body` hands out a pass-through tap, built
 * only when someone reads the stream (SSE, or a cancel). Status, headers, `url`, `type` and
 * identity stay native (`instanceof Response` holds); results and errors are the native ones.
 */
import { tapBody, type BodyObserver } from './body-tap.js';

export interface ResponseObserver extends BodyObserver {
  /** The whole body as text, when the caller consumed it with `text()` or `json()`. */
  text(text: string): void;
}

interface Watch {
  readonly source: ReadableStream<Uint8Array>;
  readonly observer: ResponseObserver;
  readonly report: (e: unknown) => void;
  tapped: ReadableStream<Uint8Array> | undefined;
}

const WATCH = Symbol('faultline.watch');
type Watched = Response & { [WATCH]: Watch };

const base = Response.prototype as unknown as Record<string, (this: Response) => Promise<unknown>>;
/** The native `body` getter, called on `r`. */
const nativeBody = (r: Response): ReadableStream<Uint8Array> | null =>
  Reflect.get(Response.prototype, 'body', r) as ReadableStream<Uint8Array> | null;

function safely(w: Watch, f: () => void): void {
  try {
    f();
  } catch (e: unknown) {
    w.report(e);
  }
}

function settle<T>(w: Watch, p: Promise<T>, seen: (value: T) => void): Promise<T> {
  return p.then(
    (value) => {
      safely(w, () => seen(value));
      return value;
    },
    (err: unknown) => {
      safely(w, () => w.observer.error(err));
      throw err;
    },
  );
}

const textSeen = (w: Watch) => (t: string) => {
  w.observer.text(t);
  w.observer.end();
};

const INSTRUMENTED = Object.create(Response.prototype, {
  body: {
    configurable: true,
    get(this: Watched) {
      const w = this[WATCH];
      return (w.tapped ??= tapBody(w.source, w.observer, w.report));
    },
  },
  text: {
    configurable: true,
    writable: true,
    value(this: Watched) {
      const w = this[WATCH];
      return settle(w, base.text!.call(this) as Promise<string>, textSeen(w));
    },
  },
  json: {
    configurable: true,
    writable: true,
    // As the native json(): UTF-8 text, then JSON.parse (its SyntaxError reaches the caller).
    value(this: Watched) {
      const w = this[WATCH];
      return settle(w, base.text!.call(this) as Promise<string>, textSeen(w)).then(
        (t) => JSON.parse(t) as unknown,
      );
    },
  },
  ...Object.fromEntries(
    ['arrayBuffer', 'bytes', 'blob', 'formData']
      .filter((name) => typeof base[name] === 'function')
      .map((name) => [
        name,
        {
          configurable: true,
          writable: true,
          value(this: Watched) {
            const w = this[WATCH];
            return settle(w, base[name]!.call(this), (v) => {
              if (v instanceof ArrayBuffer) w.observer.chunk(new Uint8Array(v));
              else if (v instanceof Uint8Array) w.observer.chunk(v);
              w.observer.end();
            });
          },
        },
      ]),
  ),
}) as object;

/** Instruments `response` in place; returns it. */
export function observeResponse(
  response: Response,
  observer: ResponseObserver,
  report: (e: unknown) => void,
): Response {
  const source = nativeBody(response);
  if (source === null) {
    observer.end();
    return response;
  }
  (response as Watched)[WATCH] = { source, observer, report, tapped: undefined };
  Object.setPrototypeOf(response, INSTRUMENTED);
  return response;
}
