/**
 * The parts of an Atlassian Statuspage v2 `summary.json` the poller reads (status-pages.md §1.1).
 * Unknown fields are allowed and ignored; a missing or mistyped field read here is a schema miss.
 */
import { z } from 'zod';
import { COMPONENT_STATUSES } from '@faultline/core';

const component = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  status: z.enum(COMPONENT_STATUSES),
  updated_at: z.string().nullish(),
  group: z.boolean().nullish(),
});

const update = z.looseObject({
  created_at: z.string().nullish(),
  affected_components: z.array(z.looseObject({ code: z.string() })).nullish(),
});

const incident = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  started_at: z.string().nullish(),
  components: z.array(z.looseObject({ id: z.string() })).nullish(),
  incident_updates: z.array(update).nullish(),
});

/** `summary.json`: `page`, `components[]`, unresolved `incidents[]`, `scheduled_maintenances[]`. */
export const statuspageSummarySchema = z.looseObject({
  page: z.looseObject({ id: z.string() }),
  components: z.array(component),
  incidents: z.array(incident).nullish(),
  scheduled_maintenances: z.array(incident).nullish(),
});

export type StatuspageSummary = z.output<typeof statuspageSummarySchema>;
export type StatuspageIncident = z.output<typeof incident>;
