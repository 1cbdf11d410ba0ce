/**
 * Gives the caller a native Response whose body is a pass-through tap of the one fetch returned.
 * It is built by the Response constructor, so its prototype, `bodyUsed`, `body.locked`, `clone()`
 * (a tee of the tap, as native) and every consumer (`text`, `json`, `arrayBuffer`, `bytes`, `blob`,
 * `formData`, readers) are the platform's own; only what the constructor cannot set — `url`,
 * `redirected`, `type` and the immutable `headers` — is carried over from the original.
 *
 * The constructor is given only the `content-type` header, the one its consumers read (`blob()`
 * takes its type from it, `formData()` its format and boundary): copying every header into a list
 * nobody reads would double the allocation of a call (the caller sees the original `headers`).
 */
import { AbortState, guardClone, guardConsumers } from './abort-state.js';
import { tapBody, type BodyObserver } from './body-tap.js';

/** What a constructed Response cannot take from its init, carried over as own properties. */
interface Carried {
  readonly url: string;
  readonly redirected: boolean;
  readonly type: Response['type'];
  readonly headers: Headers;
}

const nativeClone = Response.prototype.clone;

/**
 * One `clone` for every response: a clone carries what its original carries (own properties,
 * read from `this`), so no function is made per call.
 */
const CLONE: PropertyDescriptor = {
  configurable: true,
  writable: true,
  value: function clone(this: Response): Response {
    const clone = carry(nativeClone.call(this), this);
    guardClone(clone, this);
    return clone;
  },
};

// Single defineProperty calls: about half the cost of one defineProperties (Node 20).
function carry<R extends Response>(target: R, from: Carried): R {
  Object.defineProperty(target, 'url', { value: from.url, configurable: true });
  Object.defineProperty(target, 'redirected', { value: from.redirected, configurable: true });
  Object.defineProperty(target, 'type', { value: from.type, configurable: true });
  Object.defineProperty(target, 'headers', { value: from.headers, configurable: true });
  Object.defineProperty(target, 'clone', CLONE);
  return target;
}

/**
 * Returns the Response to give the caller: `response` itself when it has no body (or is not a
 * platform Response), else a native Response over a tap that `observer` watches. With the
 * request's `signal`, its body consumers fail after an abort as native ones do (abort-state.ts).
 */
export function observeResponse(
  response: Response,
  observer: BodyObserver,
  report: (e: unknown) => void,
  signal?: AbortSignal | null,
): Response {
  if (!(response instanceof Response)) {
    report(
      new TypeError('faultline: fetch returned a non-native Response; its body is not watched'),
    );
    return response;
  }
  const source = response.body;
  if (source === null) {
    observer.end();
    return response;
  }
  const aborts = signal == null ? undefined : new AbortState(signal, observer, report);
  const tapped = tapBody(source, observer, report, aborts);
  let copy: Response;
  try {
    const contentType = response.headers.get('content-type');
    copy = new Response(tapped, {
      status: response.status,
      statusText: response.statusText,
      headers: contentType === null ? {} : { 'content-type': contentType },
    });
  } catch (e: unknown) {
    // A status the constructor refuses (outside 200–599): the original goes back untouched.
    report(e);
    observer.end();
    return response;
  }
  // A subclass of Response keeps its own prototype.
  const proto: unknown = Object.getPrototypeOf(response);
  if (proto !== Response.prototype) Object.setPrototypeOf(copy, proto as object);
  carry(copy, response);
  if (aborts !== undefined) guardConsumers(copy, aborts);
  return copy;
}
