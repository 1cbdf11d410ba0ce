/** The validated config types of notify channels (config.md `notify`), named for the adapters. */
import type { FaultlineConfig } from '../config/index.js';

/** One `notify[]` entry as validated. */
export type NotifyConfig = FaultlineConfig['notify'][number];
/** The entry of one kind. */
export type NotifyConfigOf<K extends NotifyConfig['kind']> = Extract<NotifyConfig, { kind: K }>;
/** A channel's `when` filter. */
export type NotifyWhen = NotifyConfig['when'];
