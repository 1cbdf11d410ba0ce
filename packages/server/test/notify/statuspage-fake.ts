// A small Atlassian Statuspage REST v1 double on a real loopback server: incidents kept in memory.
import { Receiver, type Received, type Reply } from './receiver.js';

/** An incident on the fake page. */
export interface PageIncident {
  id: string;
  name: string;
  status: string;
  metadata: unknown;
  updates: { status: string; body: string }[];
}

/** The page `/v1/pages/p1` answering create, update and list-unresolved; refuses a wrong key. */
export async function startStatuspage(
  apiKey: string,
): Promise<{ receiver: Receiver; page: Map<string, PageIncident>; url: string }> {
  const page = new Map<string, PageIncident>();
  const json = (status: number, value: unknown): Reply => ({
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(value),
  });
  const respond = (r: Received): Reply => {
    if (r.headers.authorization !== `OAuth ${apiKey}`) return json(401, { error: 'unauthorized' });
    const base = '/v1/pages/p1/incidents';
    if (r.method === 'GET' && r.path === `${base}/unresolved`)
      return json(
        200,
        [...page.values()].filter((i) => i.status !== 'resolved'),
      );
    const body = (r.body === '' ? {} : JSON.parse(r.body)) as {
      incident?: { name?: string; status: string; body: string; metadata?: unknown };
    };
    const inc = body.incident;
    if (inc === undefined) return json(422, { error: 'incident is required' });
    if (r.method === 'POST' && r.path === base) {
      const id = `sp${page.size + 1}`;
      const created = {
        id,
        name: inc.name ?? '',
        status: inc.status,
        metadata: inc.metadata ?? {},
        updates: [{ status: inc.status, body: inc.body }],
      };
      page.set(id, created);
      return json(201, created);
    }
    const found =
      r.method === 'PATCH'
        ? page.get(decodeURIComponent(r.path.slice(base.length + 1)))
        : undefined;
    if (found === undefined) return json(404, { error: 'not found' });
    found.status = inc.status;
    found.updates.push({ status: inc.status, body: inc.body });
    return json(200, found);
  };
  const receiver = await Receiver.start(respond);
  return { receiver, page, url: `${receiver.url}/v1/pages/p1` };
}
