/**
 * Gives the caller a native Response whose body is a pass-through tap of the one fetch returned.
 * It is built by the Response constructor, so its prototype, `bodyUsed`, `body.locked`, `clone()`
 * (a tee of the tap, as native) and every consumer (`text`, `json`, `arrayBuffer`, `bytes`, `blob`,
 * `formData`, readers) are the platform's own; only what the constructor cannot set — `url`,
 * `redirected`, `type` and the immutable `headers` — is carried over from the original.
 */
import { tapBody, type BodyObserver } from './body-tap.js';

/** What a constructed Response cannot take from its init, carried over as own properties. */
interface Carried {
  readonly url: string;
  readonly redirected: boolean;
  readonly type: Response['type'];
  readonly headers: Headers;
}

const nativeClone = Response.prototype.clone;

function carry<R extends Response>(target: R, from: Carried): R {
  const value = (v: unknown): PropertyDescriptor => ({ value: v, configurable: true });
  Object.defineProperties(target, {
    url: value(from.url),
    redirected: value(from.redirected),
    type: value(from.type),
    headers: value(from.headers),
    clone: {
      configurable: true,
      writable: true,
      value: function clone(this: Response): Response {
        return carry(nativeClone.call(this), from);
      },
    },
  });
  return target;
}

/**
 * Returns the Response to give the caller: `response` itself when it has no body (or is not a
 * platform Response), else a native Response over a tap that `observer` watches.
 */
export function observeResponse(
  response: Response,
  observer: BodyObserver,
  report: (e: unknown) => void,
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
  const tapped = tapBody(source, observer, report);
  let copy: Response;
  try {
    copy = new Response(tapped, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
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
  return carry(copy, response);
}
