import { amqpUrls } from '@cinder-console/cinder';
import amqp, { type Channel, type ChannelModel } from 'amqplib';

/** One notification as oslo.messaging's Notifier builds it, before the messagingv2 envelope. */
export interface OsloMessage {
  message_id: string;
  publisher_id: string;
  event_type: string;
  priority: 'INFO' | 'ERROR';
  payload: Record<string, unknown>;
  timestamp: string;
  [context: `_context_${string}`]: unknown;
  _unique_id: string;
}

export interface PublisherOptions {
  /** oslo.messaging's transport URL, `rabbit://user:pass@host:5672/vhost` (hosts comma-separated). */
  url: string;
  /** `[DEFAULT] control_exchange`: `openstack` unless a deployment changes it. */
  exchange?: string;
  /** `[oslo_messaging_notifications] topics`. */
  topic?: string;
  /** Called when the bus cannot take a message (it is kept and sent once the bus is back). */
  onError?: (error: Error) => void;
}

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 10_000;
/** Messages kept while the bus is away; beyond that the oldest go, rather than the emulator's memory. */
const BACKLOG_LIMIT = 10_000;

/**
 * Publishes on RabbitMQ as oslo.messaging's rabbit driver does for `driver = messagingv2`: a topic
 * exchange (not durable, not auto-deleted, `amqp_durable_queues = False`), routing key
 * `<topic>.<priority>`, and before the first message of a routing key a queue of that name bound
 * to it (`_publish_and_creates_default_queue`), so nothing is lost before a consumer binds. The
 * body is the 2.0 envelope `{"oslo.version": "2.0", "oslo.message": "<JSON>"}`. While the broker is
 * away messages wait (oslo.messaging's notifier retries without limit by default) and go out in order.
 */
export class NotificationPublisher {
  readonly exchange: string;
  readonly topic: string;
  private readonly urls: string[];
  private connection: ChannelModel | undefined;
  private channel: Channel | undefined;
  private readonly declared = new Set<string>();
  private readonly backlog: OsloMessage[] = [];
  private flushing = false;
  private stopped = false;
  private attempt = 0;
  private retryMs = RETRY_MIN_MS;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: PublisherOptions) {
    this.urls = amqpUrls(options.url);
    this.exchange = options.exchange ?? 'openstack';
    this.topic = options.topic ?? 'notifications';
  }

  /** Connects once; rejects when no broker of the URL answers, so a wrong URL fails at start-up. */
  async start(): Promise<void> {
    await this.connect();
  }

  publish(message: OsloMessage): void {
    if (this.stopped) return;
    this.backlog.push(message);
    if (this.backlog.length > BACKLOG_LIMIT) this.backlog.shift();
    void this.flush();
  }

  /** Sends what is waiting (when the bus is there), then closes the connection. */
  async stop(): Promise<void> {
    await this.flush();
    this.stopped = true;
    clearTimeout(this.timer);
    const connection = this.connection;
    this.connection = undefined;
    this.channel = undefined;
    await connection?.close().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const url = this.urls[this.attempt++ % this.urls.length]!;
    const connection = await amqp.connect(url, { timeout: 10_000 });
    connection.on('error', () => undefined); // 'close' follows.
    connection.on('close', () => this.lost(connection));
    const channel = await connection.createChannel();
    channel.on('error', () => undefined);
    await channel.assertExchange(this.exchange, 'topic', { durable: false, autoDelete: false });
    this.connection = connection;
    this.channel = channel;
    this.declared.clear();
    this.retryMs = RETRY_MIN_MS;
    void this.flush();
  }

  private lost(connection: ChannelModel): void {
    if (this.connection !== connection) return;
    this.connection = undefined;
    this.channel = undefined;
    if (!this.stopped) this.reconnectLater();
  }

  private reconnectLater(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.connect().catch((error: Error) => {
        this.options.onError?.(error);
        this.reconnectLater();
      });
    }, this.retryMs);
    this.timer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.backlog.length > 0 && this.channel) {
        const message = this.backlog[0]!;
        await this.send(this.channel, message);
        this.backlog.shift();
      }
    } catch (error) {
      this.options.onError?.(error as Error);
    } finally {
      this.flushing = false;
    }
  }

  private async send(channel: Channel, message: OsloMessage): Promise<void> {
    const routingKey = `${this.topic}.${message.priority.toLowerCase()}`;
    if (!this.declared.has(routingKey)) {
      await channel.assertQueue(routingKey, { durable: false, autoDelete: false });
      await channel.bindQueue(routingKey, this.exchange, routingKey);
      this.declared.add(routingKey);
    }
    const body = JSON.stringify({ 'oslo.version': '2.0', 'oslo.message': JSON.stringify(message) });
    // kombu's defaults for a JSON body: persistent, application/json in utf-8.
    channel.publish(this.exchange, routingKey, Buffer.from(body), {
      contentType: 'application/json',
      contentEncoding: 'utf-8',
      deliveryMode: 2,
    });
  }
}
