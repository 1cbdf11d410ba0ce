/** Statuspage's page and component objects, and its impact words (pure). */
import type { ComponentView, PageView } from './page-view.js';
import type { Severity } from './rule-severity.js';
import type { Stamp } from './stamp.js';

/** Rollup indicator levels, mildest first. */
export const LEVELS = ['none', 'minor', 'major', 'critical'] as const;
/** One of {@link LEVELS}. */
export type Level = (typeof LEVELS)[number];

/** Incident impact (and rollup level) for a component impact. */
export const IMPACT: Readonly<Record<Severity, Exclude<Level, 'none'>>> = {
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
};

/** The page's 12-character id. */
export function pageId(view: PageView): string {
  return `fk${view.settings.id.replace(/[^a-z0-9]/gi, '')}`.slice(0, 12).padEnd(12, '0');
}

/** The page object every document carries. */
export function pageObject(view: PageView, stamp: Stamp): Record<string, unknown> {
  return {
    id: pageId(view),
    name: view.settings.title,
    url: `https://status.example.com/${view.settings.id}`,
    time_zone: 'Etc/UTC',
    updated_at: stamp(view.changedMs),
  };
}

/** A component object with its status at the time of the response. */
export function componentObject(
  view: PageView,
  c: ComponentView,
  position: number,
  stamp: Stamp,
): Record<string, unknown> {
  return {
    id: c.component.id,
    name: c.component.name,
    status: c.status,
    created_at: stamp(view.createdMs),
    updated_at: stamp(c.changedMs),
    position: position + 1,
    description: null,
    showcase: true,
    start_date: stamp(view.createdMs).slice(0, 10),
    group_id: null,
    page_id: pageId(view),
    group: false,
    only_show_if_degraded: false,
  };
}
