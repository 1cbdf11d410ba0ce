/** `faultline diagnose`: the command's options, help and argument handling. */
import { draftUpdate } from '@faultline/core';
import { defineCommand } from '../command/define-command.js';
import { MAX_LINE_BYTES_OPTIONS, parseMaxLineBytes } from '../max-line-bytes.js';
import { MAX_SORT_BYTES_OPTIONS, parseMaxSortBytes } from './max-sort-bytes.js';
import { runDiagnose } from './run-diagnose.js';

/** `faultline diagnose [FILE|-]`: which layer broke, whose move it is, and the first update. */
export const diagnoseCommand = defineCommand({
  name: 'diagnose',
  summary: 'replay records through the engine: which layer broke, whose move, the update',
  usage: '[FILE|-]',
  positionals: { max: 1, tooMany: 'diagnose takes one FILE (or - for standard input)' },
  options: {
    json: { type: 'boolean', description: 'the JSON document of docs/diagnosis.md' },
    ...MAX_LINE_BYTES_OPTIONS,
    ...MAX_SORT_BYTES_OPTIONS,
  },
  description: `
Reads call records and status observations (JSON Lines, docs/call-record.md) from FILE, or
standard input when FILE is "-" or absent, replays them in time order through the streaming
engine that "faultline serve" runs live (it never looks ahead, so detection times are the ones a
live run would have had), and says for each incident which layer broke, whose move it is,
where, since when, and drafts the first public update.

Output: for people by default (one block per incident, times in UTC); with --json, one JSON
document exactly per docs/diagnosis.md. Bad lines go to stderr as "line N: field: reason" and
are skipped (times must lie from 1970 to 9999; lines over --max-line-bytes are skipped unread).
A progress line shows on stderr when it is a terminal.

Time order: the answer is always that of the records sorted by time (ties in input order).
Records up to 5 minutes out of order are put back in order as they stream by (a few absurd
timestamps do not stop that). Once a record comes more than 5 minutes after a newer one (a
newest-first, shuffled or concatenated input), records are never fed at a wrong time: all of
them are sorted by time in memory and replayed, and stderr says so ("records were out of time
order ...; sorted N records by time"). A FILE is then read a second time (one that changed in
between is refused); standard input and pipes cannot be read again, so what they send is kept
as it is read, up to --max-sort-bytes. Sorting holds up to --max-sort-bytes of records; past
that no diagnosis is printed: exit status 2 and a message saying how to sort the input, e.g.
  tac FILE > sorted.jsonl                        # a newest-first file
  jq -cs 'sort_by(.ts)[]' FILE > sorted.jsonl    # when every ts has the same form and zone

Exit status: 0 when every line was good, 1 when some lines were bad (the diagnosis is still
printed), 2 on a usage error, an unreadable input, or out-of-order input too large to sort.`,
  async run({ options, positionals }, io) {
    const maxLineBytes = parseMaxLineBytes(options['max-line-bytes']);
    const maxSortBytes = parseMaxSortBytes(options['max-sort-bytes']);
    const source = positionals[0] ?? '-';
    if (source === '-' && io.stdin.isTTY === true) {
      io.stderr.write('faultline: reading records from standard input (end with Ctrl-D)\n');
    }
    return runDiagnose({ source, json: options.json, maxLineBytes, maxSortBytes }, io, {
      draft: (i) =>
        draftUpdate(i, {
          stage: i.resolved_at === null ? 'identified' : 'resolved',
          voice: 'public',
        }),
    });
  },
});
