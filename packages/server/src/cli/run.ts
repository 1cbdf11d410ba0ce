/** Process entry of the `faultline` binary: wires the real streams and exits with the status. */
import { main } from './main.js';

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  // The reader went away (`faultline classify big.jsonl | head`): stop quietly.
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
main(process.argv.slice(2), io).then(
  (status) => {
    process.exitCode = status;
  },
  (e: unknown) => {
    process.stderr.write(
      `faultline: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exitCode = 70;
  },
);
