// Test helpers: tiny readers for each fake status page format, as a poller of that kind reads it.
import { dig } from '../helpers.js';

/** What a poller makes of a page: the affected component's status and the incidents seen. */
export interface Reading {
  readonly status: string;
  readonly open: number;
  readonly resolved: number;
  readonly lastUpdate: string | undefined;
}

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return res.json();
}

/** Reads the Statuspage page: summary.json for the component, incidents.json for history. */
export async function readStatuspage(base: string, component: string): Promise<Reading> {
  const summary = await getJson(`${base}/api/v2/summary.json`);
  const comps = dig(summary, 'components') as { name: string; status: string }[];
  const history = dig(await getJson(`${base}/api/v2/incidents.json`), 'incidents') as {
    status: string;
    incident_updates: { status: string }[];
  }[];
  return {
    status: comps.find((c) => c.name === component)?.status ?? 'missing',
    open: (dig(summary, 'incidents') as unknown[]).length,
    resolved: history.filter((i) => i.status === 'resolved').length,
    lastUpdate: history[0]?.incident_updates[0]?.status,
  };
}

/** Reads the incident.io page: the proxy JSON, cross-checked against the widget summary. */
export async function readIncidentio(base: string, component: string): Promise<Reading> {
  const proxy = dig(await getJson(`${base}/proxy/status.example.com`), 'summary');
  const widget = await getJson(`${base}/api/v1/summary`);
  const items = dig(proxy, 'structure', 'items', 0, 'group', 'components') as {
    component_id: string;
    name: string;
  }[];
  const id = items.find((c) => c.name === component)?.component_id;
  const affected = dig(proxy, 'affected_components') as { component_id: string; status: string }[];
  const ongoing = dig(widget, 'ongoing_incidents') as { status: string }[];
  const proxyOngoing = dig(proxy, 'ongoing_incidents') as unknown[];
  if (proxyOngoing.length !== ongoing.length) throw new Error('proxy and widget disagree');
  return {
    status: affected.find((a) => a.component_id === id)?.status ?? 'operational',
    open: ongoing.length,
    resolved: 0,
    lastUpdate: ongoing[0]?.status,
  };
}

/** Reads Google's incidents.json, filtered by product id. */
export async function readGoogle(base: string, productId: string): Promise<Reading> {
  const all = (await getJson(`${base}/incidents.json`)) as {
    end: string | null;
    status_impact: string;
    affected_products: { id: string }[];
    most_recent_update: { status: string };
  }[];
  const mine = all.filter((i) => i.affected_products.some((p) => p.id === productId));
  const open = mine.filter((i) => i.end === null);
  return {
    status: open[0]?.status_impact ?? 'operational',
    open: open.length,
    resolved: mine.length - open.length,
    lastUpdate: mine[0]?.most_recent_update.status,
  };
}

/** Reads an RSS 2.0 feed: item titles, newest first. */
export async function readRssTitles(url: string): Promise<string[]> {
  const res = await fetch(url);
  const text = await res.text();
  if (!/^application\/rss\+xml/.test(res.headers.get('content-type') ?? '')) {
    throw new Error(`not RSS: ${res.headers.get('content-type')}`);
  }
  return [...text.matchAll(/<item><title>([^<]*)<\/title>/g)].map((m) => m[1] ?? '');
}

/** Reads an Atom feed: entry titles, newest first. */
export async function readAtomTitles(url: string): Promise<string[]> {
  const text = await (await fetch(url)).text();
  if (!text.includes('<feed xmlns="http://www.w3.org/2005/Atom">')) throw new Error('not Atom');
  return [...text.matchAll(/<entry>.*?<title>([^<]*)<\/title>/g)].map((m) => m[1] ?? '');
}
