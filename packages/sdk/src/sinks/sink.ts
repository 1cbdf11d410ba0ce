/** Where call records go. `write` must not block or throw into the app; the instrument guards it anyway. */
import type { CallRecord } from '@faultline/core';

export interface RecordSink {
  write(record: CallRecord): void;
}
