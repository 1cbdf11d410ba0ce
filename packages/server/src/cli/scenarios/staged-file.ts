/** A file written beside its target and renamed into place, so a failed run leaves nothing half-written. */
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A file whose contents are on disk under a temporary name until `commit`. */
export interface StagedFile {
  /** Renames the staged file onto its target. */
  commit(): Promise<void>;
  /** Removes the staged file; the target is untouched. */
  discard(): Promise<void>;
}

/**
 * Writes `text` to a temporary file in `path`'s directory. Fails with "cannot write PATH: REASON"
 * (a directory, a missing directory, no permission) before anything is written to `path`.
 */
export async function stageFile(path: string, text: string): Promise<StagedFile> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const existing = await stat(path).catch((e: unknown) => {
      if (codeOf(e) === 'ENOENT') return undefined;
      throw e;
    });
    if (existing?.isDirectory() === true) throw Object.assign(new Error(), { code: 'EISDIR' });
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text);
    } finally {
      await handle.close();
    }
  } catch (e: unknown) {
    await unlink(temp).catch(() => undefined);
    throw cannotWrite(path, e);
  }
  return {
    commit: async () => {
      try {
        await rename(temp, path);
      } catch (e: unknown) {
        await unlink(temp).catch(() => undefined);
        throw cannotWrite(path, e);
      }
    },
    discard: () => unlink(temp).catch(() => undefined),
  };
}

const REASONS: Readonly<Record<string, string>> = {
  EISDIR: 'is a directory',
  ENOENT: 'no such directory',
  ENOTDIR: 'a parent is not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
};

/** An error whose message the CLI prints as it is (no `code` or `path` of its own). */
function cannotWrite(path: string, e: unknown): Error {
  const code = codeOf(e);
  const reason =
    (code === undefined ? undefined : REASONS[code]) ??
    (e instanceof Error ? e.message : String(e));
  return new Error(`cannot write ${path}: ${reason}`, { cause: e });
}

function codeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
