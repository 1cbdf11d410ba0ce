/** Notifications (issue 11): one port, one adapter per kind, routing by `when`, exactly-once claims. */
export { createNotifier } from './create-notifier.js';
export type { Notifier, NotifierOptions } from './create-notifier.js';
export { NOTIFY_EVENT_KINDS } from './notify-event.js';
export { notifyEventOfFeed } from './feed-event.js';
export type { NotifyEvent, NotifyEventKind, PublicText } from './notify-event.js';
export type { NotifyChannel, NotifyKind, SendContext, SendResult } from './notify-channel.js';
export { DEFAULT_RETRY_POLICY } from './retry-policy.js';
export type { RetryPolicy } from './retry-policy.js';
