/** Checks, before any work, that `--html OUT` names a file that can be written. */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Rejects with "cannot write OUT: reason" when OUT is a directory or its folder cannot take it. */
export async function checkOutPath(out: string): Promise<void> {
  const fail = (reason: string): never => {
    throw new Error(`cannot write ${out}: ${reason}`);
  };
  const target = await stat(out).catch(() => undefined);
  if (target?.isDirectory() === true) fail('is a directory');
  const dir = await stat(dirname(out)).catch(() => undefined);
  if (dir === undefined) fail('no such directory');
  if (dir?.isDirectory() !== true) fail('a parent is not a directory');
  await access(dirname(out), constants.W_OK).catch(() => fail('permission denied'));
}
