/** The schema of `gateway.routes`, and the checks that tie routes to the targets. */
import { z } from 'zod';
import { checkUnique } from './unique-names.js';

const PATH = /^\/(?:[A-Za-z0-9._~\-/]*[A-Za-z0-9._~-])?$/;

/** One route: requests under `path` go to its targets in order. */
export const routeSchema = z.strictObject({
  path: z
    .string()
    .regex(PATH, 'a path such as /anthropic: a leading "/", no trailing "/", no query')
    .describe('The prefix clients use: `<gateway>/<path>` becomes their SDK base URL.'),
  targets: z
    .array(z.string().min(1, 'must not be empty'))
    .min(1, 'list at least one target')
    .describe('Target names, in order of preference.'),
  models: z
    .record(z.string(), z.record(z.string(), z.string().min(1, 'must not be empty')))
    .prefault({})
    .describe(
      'Per-target model renames: { anthropic-eu: { claude-opus-4-7: claude-opus-4-7-eu } }.',
    ),
  failover: z
    .boolean()
    .prefault(true)
    .describe(
      'true: retry on the next target when one fails before any byte reached the client. false: the client sees exactly what going direct shows.',
    ),
});

type Route = z.output<typeof routeSchema>;

/** Route paths are unique; each route names known targets, once each; renames name its targets. */
export function checkRoutes(
  routes: readonly Route[],
  targets: ReadonlySet<string>,
  ctx: z.RefinementCtx,
): void {
  checkUnique(routes, 'path', ctx, { at: ['routes'] });
  routes.forEach((route, i) => {
    const at = ['routes', i];
    route.targets.forEach((name, j) => {
      if (!targets.has(name))
        ctx.addIssue({
          code: 'custom',
          path: [...at, 'targets', j],
          message: `no target named ${JSON.stringify(name)}`,
        });
      else if (route.targets.indexOf(name) !== j)
        ctx.addIssue({
          code: 'custom',
          path: [...at, 'targets', j],
          message: `${JSON.stringify(name)} is listed twice`,
        });
    });
    for (const name of Object.keys(route.models)) {
      if (!route.targets.includes(name))
        ctx.addIssue({
          code: 'custom',
          path: [...at, 'models', name],
          message: 'not a target of this route',
        });
    }
  });
}
