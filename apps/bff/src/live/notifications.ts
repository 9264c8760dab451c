import { amqpUrls, type LiveKind } from '@cinder-console/cinder';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import type { Logger } from 'pino';

/** What a Cinder notification tells the relay: something of this kind changed in this project. */
export interface CinderNotification {
  kind: LiveKind;
  projectId: string;
  /** `volume.resize.start`, `backup.create.end`, … */
  eventType: string;
}

export interface NotificationOptions {
  /** oslo.messaging's transport URL: `rabbit://user:pass@host:5672/vhost` (several hosts comma-separated). */
  url: string;
  /** The control exchange Cinder publishes to (`cinder`, or `openstack` where it is set so). */
  exchange: string;
  /** The notification topic; Cinder sends `<topic>.info` and `<topic>.error`. */
  topic: string;
  onNotification(notification: CinderNotification): void;
  /** The bus is connected (true) or gone (false): polling is the safety net or the only source. */
  onState(connected: boolean): void;
  logger?: Logger | undefined;
}

const KINDS: Record<string, LiveKind> = { volume: 'volume', snapshot: 'snapshot', backup: 'backup' };
const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;

/**
 * Reads one message as oslo.messaging's messagingv2 driver sends it: the envelope
 * `{"oslo.version": "2.0", "oslo.message": "<JSON>"}` around `{event_type, payload, …}` (the older
 * `messaging` driver sends the inner message bare). Anything else is not a Cinder change.
 */
export function parseNotification(body: Buffer): CinderNotification | undefined {
  let message: unknown;
  try {
    message = JSON.parse(body.toString('utf8'));
    const envelope = message as Record<string, unknown>;
    if (typeof envelope['oslo.message'] === 'string') message = JSON.parse(envelope['oslo.message']);
  } catch {
    return undefined;
  }
  const { event_type: eventType, payload } = (message ?? {}) as { event_type?: unknown; payload?: unknown };
  if (typeof eventType !== 'string' || !payload || typeof payload !== 'object') return undefined;
  const kind = KINDS[eventType.split('.')[0] ?? ''];
  const projectId =
    (payload as { tenant_id?: unknown; project_id?: unknown }).tenant_id ??
    (payload as { project_id?: unknown }).project_id;
  if (!kind || typeof projectId !== 'string') return undefined;
  return { kind, projectId, eventType };
}

/**
 * An optional consumer of Cinder's notifications: a private queue (exclusive, deleted with the
 * connection, so nothing piles up while the BFF is away) bound to the topic exchange Cinder
 * publishes on. It reconnects by itself, with a growing wait, when the broker goes away.
 */
export class NotificationConsumer {
  private connection: ChannelModel | undefined;
  private stopped = false;
  private retryMs = RETRY_MIN_MS;
  private attempt = 0;
  private timer: NodeJS.Timeout | undefined;
  private connected = false;
  private readonly urls: string[];

  constructor(private readonly options: NotificationOptions) {
    this.urls = amqpUrls(options.url);
  }

  start(): void {
    void this.connect();
  }

  get isConnected(): boolean {
    return this.connected;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.connection?.close().catch(() => undefined);
    this.connection = undefined;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const url = this.urls[this.attempt++ % this.urls.length]!;
    try {
      const connection = await amqp.connect(url, { timeout: 10_000 });
      if (this.stopped) {
        await connection.close().catch(() => undefined);
        return;
      }
      this.connection = connection;
      connection.on('error', () => undefined); // 'close' follows, and reconnects.
      connection.on('close', () => this.lost(connection));
      const channel = await this.exchangeChannel(connection);
      const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true, durable: false });
      for (const priority of ['info', 'error']) {
        await channel.bindQueue(queue, this.options.exchange, `${this.options.topic}.${priority}`);
      }
      await channel.consume(
        queue,
        (message) => {
          if (!message) return;
          const notification = parseNotification(message.content);
          if (notification) this.options.onNotification(notification);
        },
        { noAck: true },
      );
      this.retryMs = RETRY_MIN_MS;
      this.setConnected(true);
      this.options.logger?.info({ exchange: this.options.exchange }, 'live relay: following Cinder notifications');
    } catch (error) {
      this.options.logger?.warn({ err: error }, 'live relay: cannot follow Cinder notifications; polling meanwhile');
      const connection = this.connection;
      this.connection = undefined;
      await connection?.close().catch(() => undefined);
      this.retry();
    }
  }

  /**
   * A channel on which the exchange exists: taken as it is when Cinder has declared it (durable or
   * not, as the deployment's `amqp_durable_queues` says), else declared as oslo.messaging's
   * defaults would (not durable, not auto-deleted), so that binding works before Cinder's first message.
   */
  private async exchangeChannel(connection: ChannelModel): Promise<Channel> {
    const passive = await connection.createChannel();
    // A refused declaration closes the channel with an 'error' event: handled here by the rejection.
    passive.on('error', () => undefined);
    try {
      await passive.checkExchange(this.options.exchange);
      return passive;
    } catch {
      const channel = await connection.createChannel();
      channel.on('error', () => undefined);
      await channel.assertExchange(this.options.exchange, 'topic', { durable: false, autoDelete: false });
      return channel;
    }
  }

  private lost(connection: ChannelModel): void {
    if (this.connection !== connection) return;
    this.connection = undefined;
    if (this.stopped) return;
    this.options.logger?.warn('live relay: the notification bus went away; polling until it is back');
    this.retry();
  }

  private retry(): void {
    this.setConnected(false);
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(), this.retryMs);
    this.timer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  private setConnected(connected: boolean): void {
    if (connected === this.connected) return;
    this.connected = connected;
    this.options.onState(connected);
  }
}
