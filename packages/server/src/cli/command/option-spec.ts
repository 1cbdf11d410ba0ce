/** How a command declares its options once: type, words for `--help`, default. */

/** An option that takes a value: `--port N`. */
export interface StringOption {
  readonly type: 'string';
  /** The value's placeholder in `--help`: `N`, `FILE`, `TOKEN`. */
  readonly value: string;
  /** What it does, for `--help` (may hold line breaks; long lines are wrapped). */
  readonly description: string;
  /** The value when the option is absent; `--help` shows it. */
  readonly default?: string;
  /** How `--help` words the default when it is not a plain value (`the scenario's own`). */
  readonly defaultHelp?: string;
}

/** A flag: present or not. */
export interface BooleanOption {
  readonly type: 'boolean';
  readonly description: string;
  readonly short?: string;
}

export type OptionSpec = StringOption | BooleanOption;

/** A command's options by long name (without the `--`). */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The parsed values: a flag is a boolean; a value option a string, or undefined without a default. */
export type OptionValues<O extends OptionSpecs> = {
  readonly [K in keyof O]: O[K] extends BooleanOption
    ? boolean
    : O[K] extends { readonly default: string }
      ? string
      : string | undefined;
};

/** The positional arguments a command takes. */
export interface PositionalsSpec {
  /** How many at most. */
  readonly max: number;
  /** The usage error when there are more: `classify takes one FILE (or - for standard input)`. */
  readonly tooMany: string;
}
