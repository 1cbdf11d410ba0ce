/**
 * The incident.io documents the poller reads (status-pages.md §2): the Widget API summary
 * (`/api/v1/summary`, documented) and the JSON the hosted page itself loads (`/proxy/<host>`,
 * undocumented: read best effort, every field beyond the ids optional).
 */
import { z } from 'zod';

/** Impact words of incident.io; `full_outage` means Statuspage's `major_outage` (§2). */
export const IMPACT_WORDS = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'full_outage',
  'under_maintenance',
] as const;
const impact = z.enum(IMPACT_WORDS);
export type ImpactWord = z.output<typeof impact>;

const widgetComponent = z.looseObject({ id: z.string(), name: z.string(), current_status: impact });
const widgetEntry = z.looseObject({
  id: z.string(),
  name: z.string(),
  started_at: z.string().nullish(),
  last_update_at: z.string().nullish(),
  affected_components: z.array(widgetComponent).nullish(),
});

/** Widget API `/api/v1/summary`: lists affected components only. */
export const widgetSummarySchema = z.looseObject({
  page_title: z.string(),
  ongoing_incidents: z.array(widgetEntry),
  in_progress_maintenances: z.array(widgetEntry).nullish(),
});
export type WidgetSummary = z.output<typeof widgetSummarySchema>;

const proxyComponent = z.looseObject({
  component_id: z.string(),
  name: z.string(),
  hidden: z.boolean().nullish(),
});
const proxyItem = z.looseObject({
  group: z
    .looseObject({ name: z.string().nullish(), components: z.array(proxyComponent) })
    .nullish(),
  component: proxyComponent.nullish(),
});
const proxyIncident = z.looseObject({
  id: z.string(),
  name: z.string(),
  published_at: z.string().nullish(),
  last_update_at: z.string().nullish(),
  affected_components: z.array(z.looseObject({ component_id: z.string() })).nullish(),
  component_impacts: z
    .array(z.looseObject({ component_id: z.string(), start_at: z.string().nullish() }))
    .nullish(),
});

/** The page's own `/proxy/<host>` JSON: `structure` lists every component. */
export const proxySummarySchema = z.looseObject({
  summary: z.looseObject({
    structure: z.looseObject({ items: z.array(proxyItem) }),
    affected_components: z
      .array(z.looseObject({ component_id: z.string(), status: impact }))
      .nullish(),
    ongoing_incidents: z.array(proxyIncident).nullish(),
    in_progress_maintenances: z.array(proxyIncident).nullish(),
  }),
});
export type ProxySummary = z.output<typeof proxySummarySchema>;
export type ProxyIncident = z.output<typeof proxyIncident>;
