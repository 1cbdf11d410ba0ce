// `faultline lint-update` through runLintUpdate with fake streams (main.ts wires the command).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { isUsageError } from '@faultline/core';
import { lintUpdateCommand } from '../src/cli/lint-update/lint-update-command.js';

const runLintUpdate = lintUpdateCommand.execute;

const dir = mkdtempSync(join(tmpdir(), 'faultline-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stream that keeps what is written to it. */
function sink(): { stream: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

async function run(args: string[], stdin = '', isTTY = false) {
  const out = sink();
  const err = sink();
  const input = Object.assign(Readable.from([stdin]), { isTTY });
  const code = await runLintUpdate(args, { stdin: input, stdout: out.stream, stderr: err.stream });
  return { code, stdout: out.text(), stderr: err.text() };
}

const NOTION =
  "Anthropic's Opus 4.7 and 4.8 models had degraded performance with higher failure rates in Notion AI.";
const GOOD =
  "Anthropic's API has been returning overloaded (HTTP 529) errors for claude-opus-4-7 since 04:12 UTC; 41% of requests failed.";

const INCIDENT = {
  id: 'inc-20261122-0412-anthropic',
  layer: 'provider',
  owner: 'provider',
  reason: 'overloaded',
  scope: 'provider',
  provider: 'anthropic',
  models: ['claude-opus-4-7', 'claude-opus-4-8'],
  started_at: '2026-11-22T04:12:03.120Z',
  detected_at: '2026-11-22T04:12:41.007Z',
  resolved_at: '2026-11-22T04:31:10.000Z',
  peak_error_rate: 0.41,
  affected_calls: 1834,
  confidence: 0.93,
  evidence: [{ kind: 'cross_provider', text: 'OpenAI calls succeeded at 99.7%' }],
  update: '',
};
function diagnosis(name: string, incidents: unknown[]): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ version: 1, records: 10, bad_records: 0, incidents }));
  return path;
}

describe('faultline lint-update', () => {
  it('lists the findings of the Notion post for people and exits 1', async () => {
    const r = await run([NOTION]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^error {3}vague-wording {7}"degraded performance" is vague: .* \(at 40–60\)$/m,
    );
    expect(r.stdout).toMatch(/^error {3}missing-layer /m);
    expect(r.stdout).toMatch(/^error {3}missing-time /m);
    expect(r.stdout).toMatch(/^warning missing-fact /m);
    expect(r.stdout).toMatch(/3 errors, 1 warning\n$/);
  });

  it('exits 0 on a good update, read from standard input with "-" or with no TEXT', async () => {
    for (const args of [['-'], []]) {
      const r = await run(args, `${GOOD}\n`);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^No problems found/);
    }
  });

  it('prints JSON with --json', async () => {
    const r = await run([NOTION, '--json']);
    const doc = JSON.parse(r.stdout) as {
      ok: boolean;
      findings: { rule: string; start?: number }[];
      rewrite: null;
    };
    expect(doc.ok).toBe(false);
    expect(doc.rewrite).toBeNull();
    expect(doc.findings[0]).toMatchObject({
      rule: 'vague-wording',
      severity: 'error',
      excerpt: 'degraded performance',
      start: 40,
      end: 60,
    });
  });

  it('checks against a diagnosed incident and proposes a rewrite that passes', async () => {
    const file = diagnosis('spec.json', [INCIDENT]);
    const r = await run([NOTION, '--diagnosis', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^error {3}model-quality-claim "models had degraded performance" claims a change in model quality/m,
    );
    expect(r.stdout).toContain('Proposed rewrite (inc-20261122-0412-anthropic, investigating):');
    const json = await run([NOTION, '--diagnosis', file, '--json']);
    const doc = JSON.parse(json.stdout) as { rewrite: { text: string } };
    expect(doc.rewrite.text).toMatch(
      /^Anthropic's API has been returning overloaded \(HTTP 529\) errors/,
    );
    expect(await run([doc.rewrite.text, '--diagnosis', file])).toMatchObject({ code: 0 });
  });

  it('picks the incident named by --incident', async () => {
    const other = { ...INCIDENT, id: 'inc-b', provider: 'openai', models: ['gpt-5.1'] };
    const file = diagnosis('two.json', [INCIDENT, other]);
    const r = await run([GOOD, '--diagnosis', file, '--incident', 'inc-b']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/wrong-provider {6}names Anthropic, but the incident is at OpenAI/);
    expect(r.stdout).toContain('Proposed rewrite (inc-b, investigating):');
  });

  it('explains what is wrong with a file that is not a diagnosis', async () => {
    const bad = diagnosis('bad.json', [
      { ...INCIDENT, layer: 'api', peak_error_rate: 41, evidence: [{ kind: 'x' }] },
    ]);
    await expect(run([GOOD, '--diagnosis', bad])).rejects.toThrow(
      /incidents\[0\]\.layer: must be one of integration, network, provider, model\n {2}incidents\[0\]\.peak_error_rate: must be a number from 0 to 1\n/,
    );
    await expect(run([GOOD, '--diagnosis', bad])).rejects.toThrow(
      /incidents\[0\]\.evidence\[0\]\.kind: must be one of error_rate, latency/,
    );
    await expect(run([GOOD, '--diagnosis', bad])).rejects.toThrow(
      /incidents\[0\]\.evidence\[0\]\.text: must be a string/,
    );
    await expect(run([GOOD, '--diagnosis', diagnosis('none.json', [])])).rejects.toThrow(
      /no incidents/,
    );
    writeFileSync(join(dir, 'junk.json'), '{"version":');
    await expect(run([GOOD, '--diagnosis', join(dir, 'junk.json')])).rejects.toThrow(/not JSON/);
    const notUsage = await run([GOOD, '--diagnosis', bad]).catch((e: unknown) => e);
    expect(isUsageError(notUsage)).toBe(false);
  });

  it.each([
    [['one', 'two'], /one TEXT/],
    [[GOOD, '--incident', 'x'], /--incident needs --diagnosis/],
    [['  '], /empty/],
    [[GOOD, '--nope'], /nope/],
  ])('treats %j as a usage error', async (args, message) => {
    const e = await run(args).catch((err: unknown) => err);
    expect(isUsageError(e)).toBe(true);
    expect((e as Error).message).toMatch(message);
  });

  it('is a usage error to give no TEXT at a terminal, or an --incident the file lacks', async () => {
    const e = await run([], '', true).catch((err: unknown) => err);
    expect(isUsageError(e)).toBe(true);
    const file = diagnosis('one.json', [INCIDENT]);
    const missing = await run([GOOD, '--diagnosis', file, '--incident', 'inc-x']).catch(
      (err: unknown) => err,
    );
    expect(isUsageError(missing)).toBe(true);
    expect((missing as Error).message).toContain('inc-20261122-0412-anthropic');
  });

  it('prints its help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: faultline lint-update "TEXT"/);
  });
});
