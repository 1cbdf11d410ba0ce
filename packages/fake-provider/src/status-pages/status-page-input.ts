/** Status page settings as given (options, admin API): validated, defaults filled in. */
import { parseDuration } from '../scenario/index.js';
import { PROVIDERS } from '../protocol/index.js';
import * as c from '../validation/index.js';
import { DEFAULT_STATUS_PAGES } from './default-pages.js';
import {
  DEFAULT_LAG_S,
  DEFAULT_RECOVERY_LAG_S,
  DEFAULT_SLOW_MS,
  STATUS_PAGE_KINDS,
  STATUS_PAGE_MODES,
  type StatusPageComponent,
  type StatusPageKind,
  type StatusPageMode,
  type StatusPageSettings,
} from './status-page.js';
import type { Provider } from '../protocol/index.js';

/** A page as given: `id` and whatever should differ from the page it replaces or its defaults. */
export interface StatusPageInput {
  readonly id: string;
  readonly kind?: StatusPageKind;
  readonly provider?: Provider;
  readonly title?: string;
  readonly components?: readonly {
    readonly name: string;
    readonly id?: string;
    readonly models?: readonly string[];
  }[];
  /** From a fault's start to the page moving: seconds, or a duration such as `"10m"`; 0 allowed. */
  readonly lag?: number | string;
  /** From a fault's end to the incident's resolution, likewise. */
  readonly recoveryLag?: number | string;
  readonly mode?: StatusPageMode;
  readonly slowMs?: number;
}

const ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const lag: c.Check = (v) =>
  v === 0 || v === '0' || parseDuration(v) !== undefined
    ? undefined
    : 'must be 0, seconds, or a duration such as "90s", "10m"';
const models: c.Check = (v) =>
  Array.isArray(v) && v.every((m) => typeof m === 'string' && m !== '')
    ? undefined
    : 'must be an array of model names or globs';
const FIELDS: Readonly<Record<string, c.Check>> = {
  id: (v) =>
    typeof v === 'string' && ID.test(v) ? undefined : 'must be a lower-case path segment',
  kind: c.oneOf(STATUS_PAGE_KINDS),
  provider: c.oneOf(PROVIDERS),
  title: c.string,
  components: (v) => (Array.isArray(v) ? undefined : 'must be an array of components'),
  lag,
  recoveryLag: lag,
  mode: c.oneOf(STATUS_PAGE_MODES),
  slowMs: c.nonNegative,
};
const COMPONENT_FIELDS: Readonly<Record<string, c.Check>> = {
  name: c.string,
  id: c.string,
  models,
};

/**
 * Checks `value` as a page and resolves it over `base` (the page it changes), else over the
 * default page of that id; a page with neither needs `kind` and `provider`.
 * @throws ConfigError listing every `path: problem`.
 */
export function resolveStatusPage(value: unknown, base?: StatusPageSettings): StatusPageSettings {
  const problems: string[] = [];
  if (!c.isRecord(value))
    throw new c.ConfigError('invalid status page', ['(root): must be an object']);
  c.checkFields(value, '', FIELDS, ['id'], problems);
  const comps = Array.isArray(value['components']) ? (value['components'] as unknown[]) : [];
  comps.forEach((comp, i) => {
    if (!c.isRecord(comp))
      return void problems.push(c.problem(c.at('components', i), 'must be an object'));
    c.checkFields(comp, c.at('components', i), COMPONENT_FIELDS, ['name'], problems);
  });
  const input = value as unknown as StatusPageInput;
  const from = base ?? DEFAULT_STATUS_PAGES.find((p) => p.id === input.id);
  if (from === undefined) {
    for (const field of ['kind', 'provider'] as const) {
      if (value[field] === undefined) problems.push(c.problem(field, 'is required for a new page'));
    }
  }
  if (problems.length > 0) throw new c.ConfigError('invalid status page', problems);
  return {
    id: input.id,
    kind: input.kind ?? from?.kind ?? 'statuspage',
    provider: input.provider ?? from?.provider ?? 'anthropic',
    title: input.title ?? from?.title ?? `${input.id} status (fake)`,
    components: input.components?.map(component) ?? from?.components ?? [],
    lagS: seconds(input.lag) ?? from?.lagS ?? DEFAULT_LAG_S,
    recoveryLagS: seconds(input.recoveryLag) ?? from?.recoveryLagS ?? DEFAULT_RECOVERY_LAG_S,
    mode: input.mode ?? from?.mode ?? 'ok',
    slowMs: input.slowMs ?? from?.slowMs ?? DEFAULT_SLOW_MS,
  };
}

function seconds(v: number | string | undefined): number | undefined {
  if (v === undefined) return undefined;
  return v === 0 || v === '0' ? 0 : parseDuration(v);
}

function component(
  given: NonNullable<StatusPageInput['components']>[number],
  index: number,
): StatusPageComponent {
  const id = given.id ?? `fkcmp${String(index).padStart(7, '0')}`;
  return { name: given.name, id, models: given.models ?? ['*'] };
}
