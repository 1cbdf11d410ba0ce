/** A one-line progress report on a terminal's stderr, redrawn at most a few times a second. */
export interface Progress {
  update(bytesRead: number, lines: number): void;
  done(): void;
}

const SILENT: Progress = { update: () => undefined, done: () => undefined };

/** Progress on `stream` when it is a terminal; silent otherwise (pipes, files, CI). */
export function createProgress(
  stream: NodeJS.WriteStream,
  label: string,
  totalBytes: number | undefined,
  now: () => number = Date.now,
): Progress {
  if (!stream.isTTY) return SILENT;
  let last = 0;
  let shown = false;
  return {
    update(bytesRead, lines) {
      const t = now();
      if (t - last < 200) return;
      last = t;
      shown = true;
      const pct =
        totalBytes !== undefined && totalBytes > 0
          ? ` ${Math.min(100, (100 * bytesRead) / totalBytes).toFixed(0)}%`
          : '';
      stream.write(
        `\r${label}${pct}  ${lines.toLocaleString('en-US')} lines  ${mib(bytesRead)}\x1b[K`,
      );
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}

function mib(bytes: number): string {
  return `${(bytes / (1 << 20)).toFixed(1)} MiB`;
}
