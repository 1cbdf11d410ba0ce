// No text from the input reaches the terminal able to drive it: every printed string is neutralised.
import { afterAll, describe, expect, it } from 'vitest';
import { generateScenario } from '@faultline/scenarios';
import { UNSAFE_FOR_TERMINAL, runCli, scratch } from './run-cli.js';

const tmp = scratch('faultline-tty-');
afterAll(tmp.cleanup);

// Raw C1 CSI, bidi override and DEL are allowed unescaped inside JSON strings; ESC only as \u001b.
const EVIL = 'x\u009b2J\u202e\u007f\\u001b]0;title\\u0007\\u001b[31m';

describe('untrusted text on the terminal', () => {
  it('classify neutralises table cells and the echoed input in bad-line reports', async () => {
    const text = [
      `{"ts":0,"provider":"${EVIL}","model":"${EVIL}","http_status":500,"error_type":"${EVIL}"}`,
      `{"ts":0,"provider":"p","model":"m","checks":{"${EVIL}":1}}`,
      `not json ${EVIL.replace(/\\u001b/g, '\u001b')}`,
      `\u001b[2J\u202e{"ts":0}`,
    ].join('\n');
    const r = await runCli(['classify', tmp.file('evil.jsonl', text)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^1\s+1970-01-01T00:00:00.000Z\s+x\?/m);
    expect(r.stdout).not.toMatch(UNSAFE_FOR_TERMINAL);
    expect(r.stderr).toMatch(/^line 2: checks: "x\?.*" must be a boolean$/m);
    expect(r.stderr).toMatch(/^line 3: json: not valid JSON/m);
    expect(r.stderr).toMatch(/^line 4: json: not valid JSON/m);
    expect(r.stderr).not.toMatch(UNSAFE_FOR_TERMINAL);
  });

  it('classify --json into a pipe keeps the input line byte for byte', async () => {
    const line = `{"ts":0,"provider":"${EVIL}","model":"m"}`;
    const r = await runCli(['classify', '--json', '--no-summary', '-'], line + '\n');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(line.slice(0, -1) + ',"classification":')).toBe(true);
  });

  it('diagnose neutralises the incident id, provider and models', async () => {
    const evil = 'evil\u001b[31m\u202e';
    const records = generateScenario('provider-overload').records.map((r) =>
      r.provider === 'anthropic'
        ? { ...r, provider: evil, ...('model' in r ? { model: `${evil}-model` } : {}) }
        : r,
    );
    const path = tmp.file('evil-overload.jsonl', records.map((x) => JSON.stringify(x)).join('\n'));
    const r = await runCli(['diagnose', path]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^inc-\S+-evil\?\?\s/m);
    expect(r.stdout).not.toMatch(UNSAFE_FOR_TERMINAL);
    const json = await runCli(['diagnose', '--json', path]);
    const d = JSON.parse(json.stdout) as { incidents: Array<{ id: string; provider: string }> };
    expect(d.incidents[0]!.provider).toBe(evil);

    const diagnosis = tmp.file('evil-diagnosis.json', json.stdout);
    const lint = await runCli([
      'lint-update',
      `Errors \u001b[2J on ${evil}`,
      '--diagnosis',
      diagnosis,
    ]);
    expect(lint.stdout).toMatch(/Proposed rewrite/);
    expect(lint.stdout).not.toMatch(UNSAFE_FOR_TERMINAL);
    const missing = await runCli([
      'lint-update',
      'x',
      '--diagnosis',
      diagnosis,
      '--incident',
      'no\u001b[2J',
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such incident .*it has: inc-\S+-evil\?\?/);
    expect(missing.stderr).not.toMatch(UNSAFE_FOR_TERMINAL);
  });

  it('neutralises what a broken diagnosis file and an unknown command echo back', async () => {
    const notJson = tmp.file('broken.json', `{"version":1,\u001b[2J\u202e`);
    const r = await runCli(['lint-update', 'x', '--diagnosis', notJson]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not JSON/);
    expect(r.stderr).not.toMatch(UNSAFE_FOR_TERMINAL);
    const unknown = await runCli(['\u001b[2Jx']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "\?x"/);
    expect(unknown.stderr).not.toMatch(UNSAFE_FOR_TERMINAL);
  });
});
