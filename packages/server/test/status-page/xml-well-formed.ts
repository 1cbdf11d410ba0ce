// A small strict XML 1.0 well-formedness check for the feed tests: one root, nested and matching
// tags, quoted unique attributes, only known or numeric entity references, no stray `<` or `&`.

const NAME = /^[A-Za-z_][\w.:-]*$/;
const REFERENCE = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);/;
// eslint-disable-next-line no-control-regex
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function checkText(text: string, where: number): void {
  if (BAD_CHAR.test(text)) throw new Error(`character not allowed in XML near ${where}`);
  for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1))
    if (!REFERENCE.test(text.slice(i))) throw new Error(`bare & at ${where + i}`);
  if (text.includes('<')) throw new Error(`bare < near ${where}`);
  if (text.includes(']]>')) throw new Error(`]]> in text near ${where}`);
}

function checkAttributes(source: string, where: number): void {
  const seen = new Set<string>();
  const rest = source.replace(
    /\s*([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g,
    (_m, name: string, _q, a?: string, b?: string) => {
      if (!NAME.test(name)) throw new Error(`bad attribute name ${name} at ${where}`);
      if (seen.has(name)) throw new Error(`attribute ${name} twice at ${where}`);
      seen.add(name);
      checkText(a ?? b ?? '', where);
      return '';
    },
  );
  if (rest.trim() !== '') throw new Error(`unreadable attributes "${rest.trim()}" at ${where}`);
}

/** Throws with the first problem; returns the root element's name. */
export function checkWellFormed(xml: string): string {
  let body = xml.replace(/^\uFEFF?<\?xml\s[^?]*\?>/, '');
  body = body.replace(/<!--[\s\S]*?-->/g, (c) => (c.slice(4, -3).includes('--') ? '<bad--' : ''));
  const stack: string[] = [];
  let root: string | undefined;
  const tag = /<(\/?)([^\s/>]+)([^>]*?)(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(body); m !== null; m = tag.exec(body)) {
    const [whole, close, name = '', attrs = '', selfClose] = m;
    const text = body.slice(last, m.index);
    if (stack.length === 0 && text.trim() !== '')
      throw new Error(`text outside the root at ${last}`);
    checkText(text, last);
    last = m.index + whole.length;
    if (!NAME.test(name)) throw new Error(`bad element name "${name}" at ${m.index}`);
    if (close === '/') {
      if (attrs.trim() !== '' || selfClose === '/') throw new Error(`bad end tag at ${m.index}`);
      if (stack.pop() !== name) throw new Error(`</${name}> does not match at ${m.index}`);
      continue;
    }
    checkAttributes(attrs, m.index);
    if (stack.length === 0 && root !== undefined) throw new Error('a second root element');
    root ??= name;
    if (selfClose !== '/') stack.push(name);
  }
  if (body.slice(last).trim() !== '') throw new Error('text after the root');
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
  if (root === undefined) throw new Error('no root element');
  return root;
}
