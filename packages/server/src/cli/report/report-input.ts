/**
 * The input of `faultline report` as a regular file, which is read twice (the replay, then the
 * records around each incident): a named file as it is; standard input or a pipe copied first
 * to a temporary file, removed by `dispose`.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openSource } from '../../io/read-lines.js';

/** A regular file holding the input. */
export interface ReportInput {
  readonly path: string;
  readonly size: number;
  /** Removes the temporary copy, if one was made. */
  dispose(): Promise<void>;
}

/** `source` (a path, or `-` for `stdin`) as a regular file. */
export async function reportInput(source: string, stdin: Readable): Promise<ReportInput> {
  if (source !== '-') {
    const info = await stat(source);
    if (info.isDirectory()) {
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR', path: source });
    }
    if (info.isFile()) return { path: source, size: info.size, dispose: () => Promise.resolve() };
  }
  const dir = await mkdtemp(join(tmpdir(), 'faultline-report-'));
  const path = join(dir, 'input.jsonl');
  const dispose = (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    await pipeline(openSource(source, stdin), createWriteStream(path));
    return { path, size: (await stat(path)).size, dispose };
  } catch (e: unknown) {
    await dispose();
    throw e;
  }
}
