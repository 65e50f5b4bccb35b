/**
 * Outer notification channels. A webhook POSTs the message as JSON, signed with HMAC-SHA256 so
 * the receiver can check it came from this server; an SMS channel hands a short text to the
 * provider the installation contracts (Aliyun, Tencent Cloud …) through `SmsProvider`, for each
 * recipient with a phone number on record. Both throw on failure; the dispatcher retries.
 */
import { pickText, type Locale, type NotificationChannel, type OutboundNotification } from '@sifa/core';
import { postSigned } from '../webhooks/signing.js';

export interface WebhookChannelOptions {
  url: string;
  /** Shared secret for the `x-sifa-signature: sha256=<hex>` header over `<timestamp>.<body>`. */
  secret: string;
  id?: string;
  timeoutMs?: number;
  accepts?(notification: OutboundNotification): boolean;
}

export function webhookChannel(options: WebhookChannelOptions): NotificationChannel {
  const url = new URL(options.url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`Webhook URL must be http(s), not ${url.protocol}`);
  if (options.secret.length < 16) throw new Error('Webhook secret must have at least 16 characters.');
  return {
    id: options.id ?? 'webhook',
    ...(options.accepts ? { accepts: options.accepts } : {}),
    async deliver(notification) {
      const body = JSON.stringify({ type: 'sifa.notification', notification });
      await postSigned({ url, secret: options.secret, body, headers: { 'x-sifa-delivery': notification.id }, timeoutMs: options.timeoutMs ?? 10_000 });
    },
  };
}

/** What an SMS gateway must do; the installation supplies it (no provider is built in). */
export interface SmsProvider {
  /** Sends `text` to a mainland mobile number; throws when the gateway refuses. */
  send(phone: string, text: string): Promise<void>;
}

export interface SmsChannelOptions {
  provider: SmsProvider;
  id?: string;
  /** Language of the text (default zh-CN). */
  locale?: Locale;
  /** Signature the gateway requires at the start, e.g. 【赤峰司法】. */
  signature?: string;
  /** Which notifications go out by SMS (default: warning and urgent ones). */
  accepts?(notification: OutboundNotification): boolean;
}

/** Longest text sent: longer messages are cut with an ellipsis (carriers split above 70 characters). */
const maxSmsChars = 140;

export function smsChannel(options: SmsChannelOptions): NotificationChannel {
  return {
    id: options.id ?? 'sms',
    accepts: options.accepts ?? ((n) => n.severity !== 'info'),
    async deliver(notification) {
      const locale = options.locale ?? 'zh-CN';
      const full = `${options.signature ?? ''}${pickText(notification.title, locale)}：${pickText(notification.body, locale)}`;
      const text = full.length > maxSmsChars ? `${full.slice(0, maxSmsChars - 1)}…` : full;
      const phones = [...new Set(notification.recipients.map((r) => r.phone).filter((p): p is string => Boolean(p)))];
      const failures: string[] = [];
      for (const phone of phones) {
        try {
          await options.provider.send(phone, text);
        } catch (error) {
          failures.push(`${phone.slice(0, 3)}****${phone.slice(-4)}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (failures.length > 0) throw new Error(`SMS failed for ${failures.length} of ${phones.length} recipient(s): ${failures.join('; ')}`);
    },
  };
}
