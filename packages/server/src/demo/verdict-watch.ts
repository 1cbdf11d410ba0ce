/**
 * Prints each change of verdict as `GET /v1/events` delivers it, with the public update the
 * server drafted for it (`GET /v1/incidents/{id}`).
 */
import { parseFeedIncident, type DemoApi, type FeedIncident } from './demo-api.js';
import { openEventStream, type SseSubscription } from './sse-client.js';
import type { SseEvent } from './sse-parser.js';
import { clockText, currentStage, draftOf, verdictText, wrapText } from './verdict-format.js';

const LABELS: Readonly<Record<string, string>> = {
  'incident.opened': 'OPENED',
  'incident.updated': 'WIDENED',
  'incident.resolved': 'RESOLVED',
  'incident.reopened': 'REOPENED',
};

/** Evidence worth a line of its own when it joins an open incident: the late status page. */
const NEWS: ReadonlySet<string> = new Set(['status_lag']);

/** Under the verdict's label: `[14:47:20 UTC] `. */
const INDENT = ' '.repeat(15);

/** The watch on the stream. */
export interface VerdictWatch {
  /** Changes printed so far. */
  readonly printed: number;
  /** Closes the stream once every change received so far is printed. */
  close(): Promise<void>;
}

export interface VerdictWatchOptions {
  readonly api: DemoApi;
  readonly token: string;
  readonly out: (line: string) => void;
  /** Faults of our own (a change that could not be read back): reported, not thrown. */
  readonly onError: (what: string, error: unknown) => void;
}

/** Subscribes to `/v1/events`; resolves once subscribed. */
export async function watchVerdicts(options: VerdictWatchOptions): Promise<VerdictWatch> {
  const { api, out, onError } = options;
  // An update counts as a change of verdict only when its reach does (a model joins, the scope widens).
  const reachShown = new Map<string, string>();
  const newsShown = new Set<string>();
  let printing = Promise.resolve();
  let printed = 0;
  const show = async (type: string, fed: FeedIncident): Promise<void> => {
    const detail = await api.incident(fed.id);
    const atMs = Date.parse(
      type === 'incident.opened' ? fed.detected_at : (fed.resolved_at ?? detail.updated_at),
    );
    out(`[${clockText(atMs)}] ${(LABELS[type] ?? type).padEnd(8)} ${verdictText(fed)}`);
    const draft = draftOf(detail, 'public');
    if (draft !== undefined) {
      out(`${INDENT}public update (${currentStage(detail)}), as drafted by the server:`);
      out(wrapText(draft, INDENT.length + 2));
    }
    printed++;
  };
  const showNews = async (id: string, news: readonly { text: string }[]): Promise<void> => {
    const at = clockText(Date.parse((await api.incident(id)).updated_at));
    for (const e of news)
      out(`[${at}] ${'EVIDENCE'.padEnd(8)} ${wrapText(e.text, INDENT.length + 9).trimStart()}`);
  };
  const take = (event: SseEvent): void => {
    if (!event.type.startsWith('incident.')) return;
    let fed: FeedIncident;
    try {
      fed = parseFeedIncident(event.data);
    } catch (e: unknown) {
      onError(`event ${event.id} is not an incident`, e);
      return;
    }
    const news = fed.evidence.filter(
      (e) => NEWS.has(e.kind) && !newsShown.has(`${fed.id}|${e.kind}`),
    );
    for (const e of news) newsShown.add(`${fed.id}|${e.kind}`);
    const reach = `${fed.scope}|${fed.models.join(',')}`;
    if (event.type === 'incident.updated' && reachShown.get(fed.id) === reach) {
      if (news.length > 0 && fed.resolved_at === null)
        printing = printing
          .then(() => showNews(fed.id, news))
          .catch((e: unknown) => onError(`reading incident ${fed.id}`, e));
      return;
    }
    reachShown.set(fed.id, reach);
    printing = printing
      .then(() => show(event.type, fed))
      .catch((e: unknown) => onError(`reading incident ${fed.id}`, e));
  };
  const stream: SseSubscription = await openEventStream({
    url: `${api.baseUrl}/v1/events`,
    token: options.token,
    onEvent: take,
  });
  void stream.done.then(({ error }) => {
    if (error !== undefined) onError('the /v1/events stream broke', error);
  });
  return {
    get printed() {
      return printed;
    },
    async close() {
      stream.close();
      await stream.done;
      await printing;
    },
  };
}
