/** Model globs (`*` matches any run of characters) matched in linear time, with no regex. */

/**
 * Compiles `glob` into a predicate. The literal pieces between stars are found left to right,
 * each at its first place after the previous one: for `*`-only globs the leftmost match never
 * needs revisiting, so there is no backtracking and hostile globs such as `*a*a*a*a*b` stay
 * linear in the name's length (a regex built from the glob backtracks exponentially on them).
 */
export function compileGlob(glob: string): (text: string) => boolean {
  const pieces = glob.split('*');
  if (pieces.length === 1) return (text) => text === glob;
  const first = pieces[0] ?? '';
  const last = pieces[pieces.length - 1] ?? '';
  const middle = pieces.slice(1, -1).filter((p) => p !== '');
  const fixed = first.length + last.length;
  return (text) => {
    if (text.length < fixed || !text.startsWith(first) || !text.endsWith(last)) return false;
    let from = first.length;
    const end = text.length - last.length;
    for (const piece of middle) {
      const at = text.indexOf(piece, from);
      if (at === -1 || at + piece.length > end) return false;
      from = at + piece.length;
    }
    return true;
  };
}
