/**
 * Notifications: a plugin sends one to the users of an org (optionally one role) or to one
 * user. It is stored in the same transaction as the change that caused it (so a rolled-back
 * change notifies nobody), shown in-app through the `platform.notifications.feed` subscription,
 * and handed to the configured outer channels (webhook, SMS provider) after commit.
 */
import type { LocalizedText } from './locale.js';
import type { Role } from './access.js';

export type NotificationSeverity = 'info' | 'warning' | 'urgent';

export type NotificationAudience =
  /** Every user whose org is `orgCode` (not its subtree), optionally only those with `role`. */
  | { orgCode: string; role?: Role }
  /** One user (who must belong to an org in the sender's scope). */
  | { userId: string };

export interface NotificationInput {
  to: NotificationAudience;
  /** `<plugin id>.<name>`, e.g. `plans.reminder`. */
  kind: string;
  severity?: NotificationSeverity;
  title: LocalizedText;
  body: LocalizedText;
  /** What it is about (a plan item, a warning), for links and lists. */
  entity?: { kind: string; id: string };
  /** A document issued with it (a 督办函), offered for download beside the message. */
  documentId?: string;
  /**
   * Sending the same key twice stores and delivers it once (a reminder job that runs again
   * must not remind twice). Unique per installation.
   */
  dedupKey?: string;
}

export interface SentNotification {
  id: string;
  /** True when `dedupKey` had been sent before; nothing new was stored. */
  duplicate: boolean;
  /** The outer channels (ids, e.g. `webhook`, `sms`) it was queued for, besides in-app; empty for a duplicate. */
  channels: string[];
}

export interface NotificationsService {
  send(input: NotificationInput): Promise<SentNotification>;
}

/** A notification as a widget shows it. */
export interface NotificationView {
  id: string;
  kind: string;
  severity: NotificationSeverity;
  title: LocalizedText;
  body: LocalizedText;
  entity: { kind: string; id: string } | null;
  documentId: string | null;
  orgCode: string;
  createdAt: string;
  readAt: string | null;
}

/** A message handed to an outer channel, after the transaction that stored it committed. */
export interface OutboundNotification extends Omit<NotificationView, 'readAt'> {
  /** The resolved recipients (users of the audience), with a phone number where one is on record. */
  recipients: { userId: string; displayName: string; phone: string | null }[];
}

/**
 * An outer delivery channel (webhook, SMS gateway). `deliver` throws to report a failure; the
 * platform records every attempt and retries failed ones with back-off.
 */
export interface NotificationChannel {
  /** Unique name, e.g. `webhook`, `sms`. */
  id: string;
  /** Which notifications this channel takes (default: all). */
  accepts?(notification: OutboundNotification): boolean;
  deliver(notification: OutboundNotification): Promise<void>;
}
