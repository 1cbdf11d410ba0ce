/** A location in the config file written as operators read it: `probes[0].golden[1].expect`. */

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `status_pages[0].components["Claude API"]`; the top level is `(top level)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? '(top level)' : out;
}
