/** The huge-line benchmark's yardstick: reads a file to the end and drops it, like `cat FILE > /dev/null`. */
import { createReadStream } from 'node:fs';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: read-only-baseline FILE');
let bytes = 0;
for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
  bytes += (chunk as Buffer).length;
}
process.stdout.write(`${bytes}\n`);
