// `faultline report FILE --html OUT` as a real process on the built CLI: one self-contained
// file, the incidents as the read API gives them, the records reduced and capped, clear errors.
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  embeddedData,
  HOSTILE,
  HOSTILE_MODEL,
  hostileOverloadLines,
  runCli,
} from './report-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'faultline-report-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const lines = hostileOverloadLines();
const input = join(dir, 'overload.jsonl');
writeFileSync(input, lines.join('\n') + '\n');
const outDir = join(dir, 'out');
mkdirSync(outDir);
const out = join(outDir, 'report.html');
let html = '';

/** Every record field a report may carry (report-fields.ts), and nothing else. */
const ALLOWED = new Set(
  'ts kind provider model source attempt duration_ms ttft_ms timeout_ms http_status error_type error_code error_message network_error aborted_by content_type edge retry_after_ms stream stream_error_type stream_completed stop_reason checks classification component status incident'.split(
    ' ',
  ),
);

beforeAll(async () => {
  const r = await runCli(['report', input, '--html', out]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(
    /^wrote .*report\.html: 1 incident, \d+ records around them, \d+ KiB\n$/,
  );
  html = readFileSync(out, 'utf8');
}, 30_000);

describe('faultline report', () => {
  it('writes one file that loads nothing: no external script, style sheet or link', () => {
    expect(readdirSync(outDir)).toEqual(['report.html']);
    // The markup outside the inlined script, style sheet and data.
    const markup = html
      .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '<script></script>')
      .replace(/<style>[\s\S]*?<\/style>/g, '<style></style>');
    expect(markup).not.toMatch(/\ssrc\s*=/i);
    expect(markup).not.toMatch(/<link\b/i);
    expect(markup).not.toMatch(/https?:\/\//i);
    expect(markup.match(/<script\b/g)).toHaveLength(2);
    expect(html).toContain('<script type="module">');
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(css.length).toBeGreaterThan(500);
    expect(css).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//i);
    expect(html).toMatch(
      /http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-/,
    );
  });

  it('embeds the incidents as the read API gives them, with no "<" left in the JSON', () => {
    const json = /id="faultline-report">([^<]*)<\/script>/.exec(html)?.[1] ?? '';
    expect(json).toContain('\\u003c/script>\\u003cscript>');
    const data = embeddedData(html);
    expect(data).toMatchObject({ version: 1, source: 'overload.jsonl', records: lines.length });
    const [incident] = data.incidents as Array<Record<string, unknown>>;
    expect(incident).toMatchObject({ layer: 'provider', provider: 'anthropic', state: 'resolved' });
    expect(incident!.models).toContain(HOSTILE_MODEL);
    expect((incident!.events as Array<{ kind: string }>).map((e) => e.kind)).toContain('opened');
    const updates = incident!.updates as Array<{ stage: string; voice: string; text: string }>;
    expect(updates.map((u) => `${u.stage}/${u.voice}`)).toEqual([
      'identified/public',
      'identified/internal',
      'resolved/public',
      'resolved/internal',
    ]);
    expect(incident!.notifications).toEqual([]);
  });

  it('keeps the window records reduced to known fields, calls classified, in time order', () => {
    const data = embeddedData(html);
    const records = data.window_records as Array<Record<string, unknown>>;
    expect(records.length).toBeGreaterThan(1000);
    const fields = new Set(records.flatMap((r) => Object.keys(r)));
    expect([...fields].filter((k) => !ALLOWED.has(k))).toEqual([]);
    expect(records.some((r) => 'request_id' in r || 'app' in r)).toBe(false);
    const times = records.map((r) => Date.parse(String(r.ts)));
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
    const failed = records.find((r) => r.error_type === 'overloaded_error');
    expect(failed).toMatchObject({
      kind: 'call',
      error_message: `Overloaded ${HOSTILE}`,
      classification: { layer: 'provider', reason: 'overloaded' },
    });
    expect(records.some((r) => r.kind === 'status')).toBe(true);
  });

  it('samples evenly past --max-records and says so in the data', async () => {
    const capped = join(outDir, 'capped.html');
    const r = await runCli(['report', input, '--html', capped, '--max-records', '100']);
    expect(r.code).toBe(0);
    const data = embeddedData(readFileSync(capped, 'utf8'));
    const windows = Object.values(data.windows as Record<string, Record<string, unknown>>);
    expect(windows).toHaveLength(1);
    expect(windows[0]).toMatchObject({ cap: 100, calls: { kept: 100 } });
    const seen = (windows[0]!.calls as { seen: number }).seen;
    expect(seen).toBeGreaterThan(1000);
    const calls = (data.window_records as Array<Record<string, unknown>>).filter(
      (x) => x.kind === 'call',
    );
    expect(calls).toHaveLength(100);
    rmSync(capped);
  });

  it('reads standard input with -, to the same incidents', async () => {
    const piped = join(outDir, 'piped.html');
    const r = await runCli(['report', '-', '--html', piped], lines.join('\n'));
    expect(r.code).toBe(0);
    const a = embeddedData(html);
    const b = embeddedData(readFileSync(piped, 'utf8'));
    expect(b.source).toBe('-');
    expect(b.incidents).toEqual(a.incidents);
    expect((b.window_records as unknown[]).length).toBe((a.window_records as unknown[]).length);
    rmSync(piped);
  });

  it('refuses a bad OUT with exit 2 before reading, and writes nothing', async () => {
    const missing = await runCli(['report', input, '--html', join(dir, 'nope', 'r.html')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot write .*nope\/r\.html: no such directory/);
    const isDir = await runCli(['report', input, '--html', outDir]);
    expect(isDir.code).toBe(2);
    expect(isDir.stderr).toMatch(/is a directory/);
    const none = await runCli(['report', input]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/report needs --html OUT/);
    expect(readdirSync(outDir)).toEqual(['report.html']);
  });

  it('refuses to replace a read-only OUT, leaving it as it was', async () => {
    const kept = join(dir, 'kept.html');
    writeFileSync(kept, 'the report I keep');
    chmodSync(kept, 0o444);
    const r = await runCli(['report', input, '--html', kept]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*kept\.html: the file is read-only/);
    expect(readFileSync(kept, 'utf8')).toBe('the report I keep');
    expect(statSync(kept).mode & 0o777).toBe(0o444);
  });

  it('refuses an OUT that is the input file, or a link to it, and keeps the records', async () => {
    const records = join(dir, 'records.jsonl');
    writeFileSync(records, lines.slice(0, 50).join('\n'));
    symlinkSync(records, join(dir, 'link.html'));
    for (const target of [records, join(dir, 'link.html')]) {
      const r = await runCli(['report', records, '--html', target]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/: it is the input FILE\n$/);
    }
    expect(readFileSync(records, 'utf8')).toBe(lines.slice(0, 50).join('\n'));
  });

  it('exits 1 with a report when some lines are bad, and shows its help', async () => {
    const mixed = join(dir, 'mixed.jsonl');
    writeFileSync(mixed, ['not json', ...lines].join('\n'));
    const r = await runCli(['report', mixed, '--html', join(outDir, 'mixed.html')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^line 1: json/m);
    expect(embeddedData(readFileSync(join(outDir, 'mixed.html'), 'utf8')).bad_records).toBe(1);
    rmSync(join(outDir, 'mixed.html'));
    const help = await runCli(['report', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--html OUT/);
  });
});
