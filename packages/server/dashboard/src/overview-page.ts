/** The front page: the verdict grid and the incident list, refreshed on every live event. */
import { h, type ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { getJson, type Incident, type ProviderHealth } from './api.js';
import { HistoryChart } from './history-chart.js';
import { IncidentList } from './incident-list.js';
import { liveEvents } from './live-events.js';
import { VerdictGrid } from './verdict-grid.js';

interface Overview {
  readonly providers: readonly ProviderHealth[];
  readonly incidents: readonly Incident[];
}

async function load(): Promise<Overview> {
  const [health, list] = await Promise.all([
    getJson<{ providers: ProviderHealth[] }>('/v1/health'),
    getJson<{ incidents: Incident[] }>('/v1/incidents?limit=50'),
  ]);
  return { providers: health.providers, incidents: list.incidents };
}

/** `/`. */
export function OverviewPage(): ComponentChild {
  const [data, setData] = useState<Overview | undefined>(undefined);
  const [problem, setProblem] = useState('');
  useEffect(() => {
    const refresh = (): void => {
      load().then(
        (d) => {
          setData(d);
          setProblem('');
        },
        (e: unknown) => setProblem(String(e)),
      );
    };
    refresh();
    // The health document moves with traffic, not only with events: re-read it every 5 s too.
    const timer = window.setInterval(refresh, 5000);
    const stop = liveEvents(refresh);
    return () => {
      window.clearInterval(timer);
      stop();
    };
  }, []);
  if (data === undefined) return h('p', null, problem === '' ? 'Loading…' : problem);
  const open = data.incidents.filter((i) => i.state === 'open');
  return h('div', null, [
    problem === '' ? null : h('p', { role: 'alert' }, problem),
    h('section', { 'aria-labelledby': 'grid-h' }, [
      h('h2', { id: 'grid-h' }, 'Verdict'),
      h(VerdictGrid, { providers: data.providers, open }),
    ]),
    h('section', { 'aria-labelledby': 'list-h' }, [
      h('h2', { id: 'list-h' }, 'Incidents'),
      h(IncidentList, { incidents: data.incidents }),
    ]),
    h(HistoryChart, null),
  ]);
}
