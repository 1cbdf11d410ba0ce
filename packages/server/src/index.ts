/** The `faultline` package: the CLI's entry for embedding and tests. */
export { main } from './cli/main.js';
export type { CliStreams } from './cli/command/define-command.js';
