/** The benchmark's yardstick: a plain loop that only reads a JSON Lines file and `JSON.parse`s each line. */
import { createReadStream } from 'node:fs';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: read-parse-baseline FILE');
let parsed = 0;
let rest = '';
for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
  const text = rest + (chunk as string);
  let start = 0;
  let nl = text.indexOf('\n');
  while (nl !== -1) {
    if (nl > start) {
      JSON.parse(text.slice(start, nl));
      parsed++;
    }
    start = nl + 1;
    nl = text.indexOf('\n', start);
  }
  rest = text.slice(start);
}
if (rest.length > 0) {
  JSON.parse(rest);
  parsed++;
}
process.stdout.write(`${parsed}\n`);
