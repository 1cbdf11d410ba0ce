/** Numbers and lists as words for updates: shares as rounded percentages, "a, b and c". */

/** A share 0..1 as a percentage: "41%", "4.5%", "0.3%"; never "0%" for a share above zero. */
export function percent(share: number): string {
  const p = Math.min(1, Math.max(0, share)) * 100;
  if (p > 99 && p < 100) return `${Number(p.toFixed(1))}%`;
  if (p >= 10 || p === 0) return `${Math.round(p)}%`;
  if (p >= 0.1) return `${Number(p.toFixed(1))}%`;
  return 'under 0.1%';
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** Up to `max` items named, the rest counted: "a, b and 3 other models". */
export function listSome(items: readonly string[], max: number, noun: string): string {
  if (items.length <= max) return listWords(items);
  const rest = items.length - (max - 1);
  return listWords([...items.slice(0, max - 1), `${rest} other ${noun}`]);
}

/** "1,834". */
export function count(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Upper-cases the first letter. */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
