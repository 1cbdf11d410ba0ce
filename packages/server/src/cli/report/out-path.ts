/** Checks, before any work, that `--html OUT` names a file that can be written. */
import { constants, type Stats } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Rejects with "cannot write OUT: reason" when OUT is a directory, a read-only file or the
 * `input` file, or its folder cannot take it.
 */
export async function checkOutPath(out: string, input?: string): Promise<void> {
  const fail = (reason: string): never => {
    throw new Error(`cannot write ${out}: ${reason}`);
  };
  const target = await stat(out).catch(() => undefined);
  if (target?.isDirectory() === true) fail('is a directory');
  // The records would be replaced by the page: refuse OUT naming the input (or a link to it).
  const source = input === undefined ? undefined : await stat(input).catch(() => undefined);
  if (target !== undefined && source?.isFile() === true && sameFile(target, source))
    fail('it is the input FILE');
  // Renaming into place would replace a file marked read-only (even as root): refuse it instead.
  if (target !== undefined && (target.mode & 0o222) === 0) fail('the file is read-only');
  const dir = await stat(dirname(out)).catch(() => undefined);
  if (dir === undefined) fail('no such directory');
  if (dir?.isDirectory() !== true) fail('a parent is not a directory');
  await access(dirname(out), constants.W_OK).catch(() => fail('permission denied'));
}

const sameFile = (a: Stats, b: Stats): boolean => a.dev === b.dev && a.ino === b.ino;
