// Table tests for each breaker transition, with time passed in (no timers, no sleeps).
import { describe, expect, it } from 'vitest';
import {
  createBreaker,
  type BreakerChange,
  type BreakerInput,
  type BreakerStateName,
} from '../src/breaker/index.js';
import { BreakerOpenError, isBreakerOpenError, isFaultlineError } from '../src/errors/index.js';
import * as F from './breaker-fixtures.js';

const failures = (n: number, from: number, c = F.OVERLOADED, gapMs = 100): BreakerInput[] =>
  Array.from({ length: n }, (_, i) => F.call(from + i * gapMs, c));

/** A breaker driven through `inputs`, with its state name after each. */
function run(inputs: readonly BreakerInput[], opts = {}) {
  const b = createBreaker({ target: F.TARGET, ...F.OPTS, ...opts });
  const changes: BreakerChange[] = [];
  b.onChange((c) => changes.push(c));
  for (const i of inputs) b.observe(i);
  return { b, changes, state: b.state.state };
}

/** Inputs that leave the breaker open at 1 s (five overloads from 0.5 s). */
const OPENED = failures(5, 500);

describe('breaker transitions', () => {
  it.each<[string, BreakerInput[], BreakerStateName]>([
    ['opens after five consecutive overloads', failures(5, 0), 'open'],
    ['stays closed after four', failures(4, 0), 'closed'],
    ['opens after five network resets', failures(5, 0, F.RESET), 'open'],
    ['opens after five empty answers (model layer)', failures(5, 0, F.EMPTY), 'open'],
    ['opens on auth failures at one provider', failures(5, 0, F.AUTH), 'open'],
    ['never opens on our bad requests', failures(50, 0, F.BAD_REQUEST), 'closed'],
    ['never opens on context_length', failures(50, 0, F.CONTEXT_LENGTH), 'closed'],
    ['never counts a caller cancel', failures(50, 0, F.CANCELLED), 'closed'],
    ['needs the failures within the window', failures(5, 0, F.OVERLOADED, 3_000), 'closed'],
    [
      'a success resets the run',
      [...failures(4, 0), F.call(500, F.OK), ...failures(4, 600)],
      'closed',
    ],
    [
      'bad requests neither count nor reset',
      [...failures(3, 0), F.call(400, F.BAD_REQUEST), ...failures(2, 500)],
      'open',
    ],
  ])('closed: %s', (_name, inputs, expected) => {
    expect(run(inputs).state).toBe(expected);
  });

  const inc = (over = {}, event: 'opened' | 'updated' | 'reopened' | 'resolved' = 'opened') =>
    ({ type: 'incident', atMs: 1_000, event, incident: F.incident(over) }) as const;
  it.each<[string, BreakerInput, BreakerStateName]>([
    ['a provider-scope overload incident opens it', inc(), 'open'],
    [
      'a global network incident opens it',
      inc({ scope: 'global', provider: null, layer: 'network', reason: 'reset' }),
      'open',
    ],
    ['a model incident on its model opens it', inc({ scope: 'model' }), 'open'],
    [
      'a model incident on another model does not',
      inc({ scope: 'model', models: ['claude-haiku-4'] }),
      'closed',
    ],
    ['an incident at another provider does not', inc({ provider: 'openai' }), 'closed'],
    [
      'an integration bad_request incident does not',
      inc({ layer: 'integration', reason: 'bad_request' }),
      'closed',
    ],
    [
      'an integration billing incident does',
      inc({ layer: 'integration', reason: 'billing' }),
      'open',
    ],
    ['a resolved event does not', inc({}, 'resolved'), 'closed'],
  ])('incident: %s', (_name, input, expected) => {
    expect(run([input]).state).toBe(expected);
  });

  it('respects open_on: without model, a model incident leaves it closed', () => {
    const input = inc({ layer: 'model', reason: 'empty' });
    expect(run([input], { openOn: ['provider', 'network'] }).state).toBe('closed');
    expect(run([input]).state).toBe('open');
  });

  it.each<[string, BreakerInput[], BreakerStateName]>([
    ['a failed trickle keeps it open', [F.call(2_000, F.OVERLOADED)], 'open'],
    ['a probe success half-opens it', [F.call(2_000, F.OK, true)], 'half_open'],
    ['a trickle success half-opens it', [F.call(2_000, F.OK)], 'half_open'],
    ['a failure in half-open re-opens it', [F.call(2_000, F.OK), F.call(2_100, F.RESET)], 'open'],
    ['k successes close it', [2_000, 2_100, 2_200].map((t) => F.call(t, F.OK)), 'closed'],
    [
      'k successes do not close it while the scope is elevated',
      [
        { type: 'scope', atMs: 1_500, elevated: true },
        ...[2_000, 2_100, 2_200].map((t) => F.call(t, F.OK)),
      ],
      'half_open',
    ],
    [
      'the scope back to normal then closes it',
      [
        { type: 'scope', atMs: 1_500, elevated: true },
        ...[2_000, 2_100, 2_200].map((t) => F.call(t, F.OK)),
        { type: 'scope', atMs: 3_000, elevated: false },
      ],
      'closed',
    ],
  ])('recovery: %s', (_name, inputs, expected) => {
    expect(run([...OPENED, ...inputs]).state).toBe(expected);
  });

  it('stays closed on an update of the incident that opened it, after recovery', () => {
    const closed = [inc(), ...[2_000, 2_100, 2_200].map((t) => F.call(t, F.OK))];
    expect(run([...closed, { ...inc({}, 'updated'), atMs: 3_000 }]).state).toBe('closed');
  });

  it('re-opens on a reopened incident after recovery', () => {
    const closed = [inc(), ...[2_000, 2_100, 2_200].map((t) => F.call(t, F.OK))];
    expect(run([...closed, { ...inc({}, 'reopened'), atMs: 3_000 }]).state).toBe('open');
  });

  it('goes half-open at the maximum open time, with no call at all', () => {
    const { b, changes } = run(OPENED);
    b.tick(OPENED.at(-1)!.atMs + F.OPTS.maxOpenMs - 1);
    expect(b.state.state).toBe('open');
    b.tick(OPENED.at(-1)!.atMs + F.OPTS.maxOpenMs);
    expect(b.state.state).toBe('half_open');
    expect(changes.at(-1)).toMatchObject({
      from: 'open',
      to: 'half_open',
      cause: { kind: 'max_open_elapsed' },
    });
  });

  it('lets one trickle request through per interval while open, the first one interval after opening', () => {
    const { b } = run(OPENED); // opened at 900
    const times = [1_000, 2_899, 2_900, 3_000, 4_899, 4_900];
    expect(times.map((t) => b.admit(t))).toEqual([
      'skip',
      'skip',
      'trickle',
      'skip',
      'skip',
      'trickle',
    ]);
    expect(run([]).b.admit(0)).toBe('pass');
  });

  it('after a flap, waits for a quiet spell before closing again', () => {
    const ok = (t: number) => F.call(t, F.OK);
    const { b } = run([...OPENED, ok(2_000), ok(2_100), ok(2_200), ...failures(5, 5_000)]);
    expect(b.state).toMatchObject({ state: 'open', settling: true });
    for (const t of [6_000, 6_100, 6_200, 10_000]) b.observe(ok(t));
    expect(b.state.state).toBe('half_open');
    b.tick(6_000 + F.OPTS.settleMs);
    expect(b.state.state).toBe('closed');
    b.tick(6_000 + F.OPTS.settleMs + F.OPTS.flapWindowMs);
    expect(b.state).toMatchObject({ state: 'closed', settling: false });
  });

  it('follows the service verdict, with its reason', () => {
    const { b, changes } = run([{ type: 'verdict', atMs: 10, to: 'open', why: 'incident inc-9' }]);
    expect(b.state.state).toBe('open');
    expect(changes[0]?.why).toBe('the service says open: incident inc-9');
    b.observe({ type: 'verdict', atMs: 20, to: 'closed', why: 'recovered' });
    expect(b.state.state).toBe('closed');
  });

  it('gives every change a reason and stops telling a disposed listener', () => {
    const b = createBreaker({ target: F.TARGET, ...F.OPTS });
    const seen: BreakerChange[] = [];
    const handle = b.onChange((c) => seen.push(c));
    for (const i of OPENED) b.observe(i);
    expect(seen).toEqual([
      expect.objectContaining({
        from: 'closed',
        to: 'open',
        atMs: 900,
        why: '5 failures in a row (last: overloaded)',
      }),
    ]);
    handle.dispose();
    handle.dispose();
    b.observe(F.call(2_000, F.OK));
    expect(seen).toHaveLength(1);
  });

  it('resumes from toJSON after a JSON round trip', () => {
    const { b } = run([...failures(4, 0)]);
    const resumed = createBreaker({
      target: F.TARGET,
      ...F.OPTS,
      initialState: JSON.parse(JSON.stringify(b.toJSON())) as ReturnType<typeof b.toJSON>,
    });
    resumed.observe(F.call(500, F.OVERLOADED));
    expect(resumed.state.state).toBe('open');
  });

  it('BreakerOpenError names the targets and answers its guard', () => {
    const e = new BreakerOpenError(['primary', 'backup']);
    expect(e.message).toBe("every target's breaker is open: primary, backup");
    expect([
      isBreakerOpenError(e),
      isFaultlineError(e),
      isBreakerOpenError(new Error('x')),
    ]).toEqual([true, true, false]);
  });
});
