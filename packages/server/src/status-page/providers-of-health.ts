/** The providers a `/v1/health` document lists: the public page's default components. */

/** `providers[].provider` of the document, ignoring anything else it holds. */
export function providersOfHealth(doc: Record<string, unknown>): string[] {
  const providers = doc['providers'];
  if (!Array.isArray(providers)) return [];
  return providers.flatMap((p: unknown) => {
    if (typeof p !== 'object' || p === null) return [];
    const id = (p as Record<string, unknown>)['provider'];
    return typeof id === 'string' && id !== '' ? [id] : [];
  });
}
