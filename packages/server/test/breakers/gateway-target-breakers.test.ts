// The gateway's per-target breakers, fed by hand: attempts, incidents, scopes and time passed in.
import { describe, expect, it } from 'vitest';
import type { BreakerChange, Classification } from '@faultline/core';
import { breakerChangeLine, GatewayTargetBreakers } from '../../src/breakers/index.js';
import type { IncidentNotice } from '../../src/breakers/incident-input.js';

const TARGETS = [
  { name: 'anthropic', provider: 'anthropic' },
  { name: 'anthropic-eu', provider: 'anthropic' },
  { name: 'openai', provider: 'openai' },
];
const OPUS = 'claude-opus-4-7';
const FAIL: Classification = {
  layer: 'provider',
  reason: 'overloaded',
  owner: 'provider',
  retryable: true,
};
const OK: Classification = { layer: 'none', reason: 'ok', owner: 'unknown', retryable: false };

function breakers(over: { trickleIntervalMs?: number; maxBreakers?: number } = {}) {
  const changes: BreakerChange[] = [];
  const b = new GatewayTargetBreakers({
    targets: TARGETS,
    breaker: { failureThreshold: 3, successThreshold: 3, trickleIntervalMs: 1_000, ...over },
    onChange: (c) => changes.push(c),
    ...(over.maxBreakers === undefined ? {} : { maxBreakers: over.maxBreakers }),
  });
  return { b, changes };
}

function notice(
  event: IncidentNotice['event'],
  atMs: number,
  scope: 'model' | 'provider' | 'global',
  models: string[],
  id = 'inc-1',
): IncidentNotice {
  const provider = scope === 'global' ? null : 'anthropic';
  return {
    event,
    atMs,
    incident: { id, layer: 'provider', reason: 'overloaded', scope, provider, models },
  };
}

const states = (b: GatewayTargetBreakers) =>
  Object.fromEntries(b.entries().map((e) => [`${e.target} ${e.model}`, e.state]));

describe("the gateway's per-target breakers", () => {
  it('open on their own failed attempts, per target and model, and skip while open', () => {
    const { b, changes } = breakers();
    for (const t of [1, 2, 3]) b.attempt('anthropic', OPUS, FAIL, t);
    b.attempt('anthropic', 'claude-haiku-4-5', OK, 4);
    expect(b.admit('anthropic', OPUS, 10)).toBe('skip');
    expect(b.admit('anthropic', 'claude-haiku-4-5', 10)).toBe('pass');
    expect(b.admit('anthropic-eu', OPUS, 10)).toBe('pass');
    expect(changes.map((c) => [c.target, c.to])).toEqual([
      [{ name: 'anthropic', provider: 'anthropic', model: OPUS }, 'open'],
    ]);
    expect(breakerChangeLine(changes[0]!)).toMatch(
      /^breaker anthropic \(anthropic\/claude-opus-4-7\): closed → open/,
    );
  });

  it('recover on evidence: a trickle success half-opens, k successes close', () => {
    const { b } = breakers();
    for (const t of [1, 2, 3]) b.attempt('anthropic', OPUS, FAIL, t);
    expect(b.admit('anthropic', OPUS, 500)).toBe('skip');
    expect(b.admit('anthropic', OPUS, 1_004)).toBe('trickle');
    expect(b.admit('anthropic', OPUS, 1_005)).toBe('skip'); // one trickle per interval
    b.attempt('anthropic', OPUS, OK, 1_010);
    expect(states(b)[`anthropic ${OPUS}`]).toBe('half_open');
    b.attempt('anthropic', OPUS, OK, 1_020);
    expect(states(b)[`anthropic ${OPUS}`]).toBe('half_open'); // the trickle counts: 3 in all
    b.attempt('anthropic', OPUS, OK, 1_030);
    expect(states(b)[`anthropic ${OPUS}`]).toBe('closed');
  });

  it('stay half-open while the scope is elevated', () => {
    const { b } = breakers();
    for (const t of [1, 2, 3]) b.attempt('anthropic', OPUS, FAIL, t);
    b.scope('anthropic', OPUS, true, 4);
    for (const t of [1_010, 1_020, 1_030, 1_040]) b.attempt('anthropic', OPUS, OK, t);
    expect(states(b)[`anthropic ${OPUS}`]).toBe('half_open');
    b.scope('anthropic', OPUS, false, 1_050);
    expect(states(b)[`anthropic ${OPUS}`]).toBe('closed');
  });

  it('an incident opens every target whose provider and model it covers, even before a call', () => {
    const { b, changes } = breakers();
    b.attempt('openai', 'gpt-5.1', OK, 1);
    b.incident(notice('opened', 100, 'model', [OPUS]));
    expect(states(b)).toEqual({
      'openai gpt-5.1': 'closed',
      [`anthropic ${OPUS}`]: 'open',
      [`anthropic-eu ${OPUS}`]: 'open',
    });
    expect(changes.map((c) => c.target.name).sort()).toEqual(['anthropic', 'anthropic-eu']);
    // A model the incident does not name passes.
    expect(b.admit('anthropic', 'claude-haiku-4-5', 200)).toBe('pass');
  });

  it('a provider incident reaches breakers made after it, until it resolves', () => {
    const { b } = breakers({ trickleIntervalMs: Infinity });
    b.incident(notice('opened', 100, 'provider', []));
    expect(b.admit('anthropic', OPUS, 200)).toBe('skip');
    expect(b.admit('openai', 'gpt-5.1', 200)).toBe('pass');
    b.incident(notice('resolved', 300, 'provider', []));
    // Resolving does not close an open breaker (recovery is on evidence), but new ones start closed.
    expect(b.admit('anthropic', OPUS, 400)).toBe('skip');
    expect(b.admit('anthropic-eu', 'claude-haiku-4-5', 400)).toBe('pass');
  });

  it('ignores replayed incident history older than a breaker stays open', () => {
    const { b } = breakers();
    b.attempt('anthropic', OPUS, OK, 1_000_000);
    b.incident(notice('opened', 1_000, 'global', []));
    expect(states(b)[`anthropic ${OPUS}`]).toBe('closed');
  });

  it('keeps no breaker for unknown targets, nor past its bound', () => {
    const { b } = breakers({ maxBreakers: 2 });
    for (const m of ['a', 'b', 'c']) for (const t of [1, 2, 3]) b.attempt('anthropic', m, FAIL, t);
    expect(b.entries().map((e) => e.model)).toEqual(['a', 'b']);
    expect(b.admit('anthropic', 'c', 10)).toBe('pass');
    expect(b.admit('nowhere', 'a', 10)).toBe('pass');
  });
});
