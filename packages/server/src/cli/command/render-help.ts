/** A command's `--help`, made from its declaration: usage line, description, options, notes. */
import type { OptionSpec, OptionSpecs } from './option-spec.js';

/** Help lines stay within this many columns. */
const COLUMNS = 100;
/** Option labels longer than this put their description on the next line. */
const MAX_LABEL = 22;

const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', description: 'show this help' };

interface HelpParts {
  readonly name: string;
  readonly usage: string;
  readonly description: string;
  readonly options: OptionSpecs;
  readonly notes?: string;
}

/** The full `--help` text of a command. */
export function renderHelp(c: HelpParts): string {
  const usage = usageLine(c);
  const options = optionLines({ ...c.options, help: HELP_OPTION });
  const notes = c.notes === undefined ? '' : `\n${c.notes.trim()}\n`;
  return `${usage}\n\n${c.description.trim()}\n\nOptions:\n${options}${notes}`;
}

/** `Usage: faultline NAME ARGS [--opt V] [--flag]`, wrapped under its first argument. */
function usageLine(c: HelpParts): string {
  const head = `Usage: faultline ${c.name}`;
  const parts = [
    ...(c.usage === '' ? [] : [c.usage]),
    ...Object.entries(c.options).map(([n, o]) => `[${label(n, o, false)}]`),
  ];
  return wrap(parts, COLUMNS - head.length - 1)
    .map((line, i) => (i === 0 ? `${head} ${line}` : `${' '.repeat(head.length + 1)}${line}`))
    .join('\n');
}

function label(name: string, o: OptionSpec, withShort: boolean): string {
  const long = `--${name}${o.type === 'string' ? ` ${o.value}` : ''}`;
  return withShort && o.type === 'boolean' && o.short !== undefined ? `-${o.short}, ${long}` : long;
}

/** The options block: each label, then its description (and default), wrapped in a column. */
function optionLines(options: OptionSpecs): string {
  const rows = Object.entries(options).map(([n, o]) => ({ label: label(n, o, true), o }));
  const width = Math.max(...rows.map((r) => r.label.length).filter((n) => n <= MAX_LABEL)) + 3;
  const indent = ' '.repeat(2 + width);
  return rows
    .map(({ label: l, o }) => {
      const text = wrapText(describe(o), COLUMNS - indent.length).map((line) => indent + line);
      if (l.length > MAX_LABEL) return `  ${l}\n${text.join('\n')}\n`;
      const [first = '', ...rest] = text;
      return [`  ${l.padEnd(width)}${first.trimStart()}`, ...rest].join('\n') + '\n';
    })
    .join('');
}

function describe(o: OptionSpec): string {
  if (o.type === 'boolean') return o.description;
  const shown = o.defaultHelp ?? o.default;
  return shown === undefined ? o.description : `${o.description} (default: ${shown})`;
}

/** Each line of `text` wrapped at `width` columns. */
function wrapText(text: string, width: number): string[] {
  return text.split('\n').flatMap((line) => wrap(line.split(' '), width));
}

/** Words joined into lines of at most `width` columns (a longer word gets a line of its own). */
function wrap(words: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines;
}
