/**
 * Following a subscription's server-sent events (loaded by `SifaClient.subscribe` on first use,
 * so pages without a live widget never download it): reads the stream event by event, hands each
 * event's data on, and reconnects after outages with back-off, resuming after the last event id.
 * A refusal ends it through `onError`.
 */
import { SifaClientError, type SifaErrorBody, type SubscriptionHandlers } from './client.js';

/** Reconnect delays after a dropped stream: 1 s doubling to 30 s. */
const reconnectMinMs = 1_000;
const reconnectMaxMs = 30_000;

interface ServerSentEvent {
  event: string;
  data: string;
  id: string | null;
}

export async function follow<T>(connect: (lastEventId: string | null) => Promise<ReadableStream<Uint8Array>>, handlers: SubscriptionHandlers<T>, signal: AbortSignal): Promise<void> {
  let delay = reconnectMinMs;
  let lastEventId: string | null = null;
  while (!signal.aborted) {
    try {
      const body = await connect(lastEventId);
      handlers.onStarted?.();
      delay = reconnectMinMs;
      const ended = await readEvents(body, signal, (event) => {
        if (event.event === 'serialized-error') {
          const shape = JSON.parse(event.data) as SifaErrorBody;
          throw new SifaClientError(shape, shape.data?.httpStatus ?? 500);
        }
        if (event.event === 'connected' || event.event === 'ping') return;
        if (event.event === 'return') return 'return';
        if (event.id) lastEventId = event.id;
        handlers.onData(JSON.parse(event.data) as T, event.id);
        return undefined;
      });
      if (ended === 'return') return;
    } catch (error) {
      if (signal.aborted) return;
      const failure = error instanceof SifaClientError ? error : new SifaClientError({ message: String(error), data: { sifaCode: 'NETWORK' } }, 0);
      if (!failure.retryable) {
        handlers.onError?.(failure);
        return;
      }
    }
    // Dropped (server restart, network): wait, then resume after the last event seen.
    handlers.onInterrupted?.();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, delay);
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
    delay = Math.min(delay * 2, reconnectMaxMs);
  }
}

/**
 * Reads a text/event-stream body event by event until it ends or `signal` aborts; `onEvent`
 * returning 'return' stops reading (the server said the subscription is over).
 */
async function readEvents(body: ReadableStream<Uint8Array>, signal: AbortSignal, onEvent: (event: ServerSentEvent) => 'return' | undefined): Promise<'return' | 'closed'> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const cancel = () => void reader.cancel().catch(() => {});
  signal.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return 'closed';
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event: ServerSentEvent = { event: 'message', data: '', id: null };
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line === '' || line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') event.event = text;
          else if (field === 'data') data.push(text);
          else if (field === 'id') event.id = text;
        }
        if (data.length === 0 && event.event === 'message') continue;
        event.data = data.join('\n');
        if (onEvent(event) === 'return') return 'return';
      }
    }
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}
