/** Reads `faultline diagnose` input and replays it through the engine in time order, sorting it when it must. */
import type { Readable } from 'node:stream';
import { isBlankLine, parseRecordLine, type Engine } from '@faultline/core';
import type { BufferedWriter } from '../../io/buffered-writer.js';
import { createProgress } from '../../io/progress.js';
import { openSource, readLines } from '../../io/read-lines.js';
import type { BadLines } from '../bad-lines.js';
import { DiagnoseFeed, REORDER_SLACK_MS } from './diagnose-feed.js';
import { sortRefusal } from './order-check.js';
import type { TimeSort } from './time-sort.js';

/** Where the records come from. */
export interface DiagnoseInput {
  /** A path, or `-` for standard input. */
  readonly source: string;
  readonly stdin: Readable;
  /** True for a regular file, which can be read again to sort it; false for a pipe or stdin. */
  readonly rereadable: boolean;
  /** The file's size, for the progress line. */
  readonly totalBytes: number | undefined;
}

export interface ReplayOptions {
  readonly maxLineBytes: number;
  readonly maxSortBytes: number;
  readonly bad: BadLines;
  readonly errors: BufferedWriter;
  readonly stderr: NodeJS.WriteStream;
  readonly newEngine: () => Engine;
}

/** The engine fed every record in time order, with what was read; or why there is no diagnosis. */
export type Replay =
  | {
      readonly ok: true;
      readonly engine: Engine;
      readonly records: number;
      readonly from: number;
      readonly to: number;
      /** How many records were sorted by time before the replay (0: the reorder window sufficed). */
      readonly sorted: number;
      /** The first record later than the reorder window allows (0: none). */
      readonly lateLine: number;
    }
  | { readonly ok: false; readonly message: string };

/**
 * Reads the input once, replaying it through a reorder window. When a record comes later than
 * the window allows, that engine is dropped and every record is sorted (stably, by time) and
 * replayed through a new one, so the answer is exactly that of the sorted input; past
 * `maxSortBytes`, or when the input changed while read, the result is a refusal.
 */
export async function replayInput(input: DiagnoseInput, opts: ReplayOptions): Promise<Replay> {
  const { bad, errors } = opts;
  const feed = new DiagnoseFeed(opts.newEngine(), opts.maxSortBytes, !input.rereadable);
  const progress = createProgress(opts.stderr, 'diagnosing', input.totalBytes);
  const read = await readLines(openSource(input.source, input.stdin), {
    maxLineBytes: opts.maxLineBytes,
    onTooLong: (n) => bad.tooLong(n),
    onLine(line, n) {
      if (isBlankLine(line)) return;
      const parsed = parseRecordLine(line);
      if (!parsed.ok) return bad.problems(n, parsed.problems);
      feed.record(parsed.record, parsed.timeMs, line, n);
    },
    async afterChunk(bytesRead) {
      progress.update(bytesRead, feed.records + bad.count);
      await errors.flushIfFull();
    },
  });
  progress.done();
  await errors.flush();
  if (read.stopped !== undefined) {
    return { ok: false, message: `${read.stopped}; no diagnosis is printed` };
  }
  const { records, from, to, lateLine } = feed;
  if (lateLine === 0 || feed.sort === undefined) {
    feed.drain();
    return { ok: true, engine: feed.engine, records, from, to, sorted: 0, lateLine: 0 };
  }
  const sort = feed.sort;
  if (input.rereadable && !sort.full) {
    const found = await readPrefixAgain(input, opts, lateLine - 1, sort);
    if (!sort.full && found !== feed.recordsBeforeLate) {
      const message = `${input.source} changed while it was read (${feed.recordsBeforeLate} records before line ${lateLine} the first time, ${found} the second); no diagnosis is printed`;
      return { ok: false, message };
    }
  }
  if (sort.full) {
    const message = sortRefusal({
      lateLine,
      slackMinutes: REORDER_SLACK_MS / 60_000,
      direction: feed.direction,
      source: input.source,
      readOnce: !input.rereadable,
      maxSortBytes: opts.maxSortBytes,
    });
    return { ok: false, message };
  }
  const engine = opts.newEngine();
  for (const { line, timeMs } of sort.sorted()) {
    const parsed = parseRecordLine(line);
    if (parsed.ok) engine.ingest(parsed.record, timeMs);
  }
  return { ok: true, engine, records, from, to, sorted: sort.size, lateLine };
}

/**
 * Reads lines 1 to `lastLine` of the file again into `sort`, quietly (their bad lines were
 * reported the first time); resolves with how many good records they held.
 */
async function readPrefixAgain(
  input: DiagnoseInput,
  opts: ReplayOptions,
  lastLine: number,
  sort: TimeSort,
): Promise<number> {
  let found = 0;
  const progress = createProgress(opts.stderr, 'reading again to sort', input.totalBytes);
  await readLines(openSource(input.source), {
    maxLineBytes: opts.maxLineBytes,
    stopAfterLine: lastLine,
    onLine(line, n) {
      if (isBlankLine(line)) return;
      const parsed = parseRecordLine(line);
      if (!parsed.ok) return;
      found++;
      sort.add(line, parsed.timeMs, n);
    },
    afterChunk: (bytesRead) => progress.update(bytesRead, found),
  });
  progress.done();
  return found;
}
