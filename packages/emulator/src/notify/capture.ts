import amqp, { type ChannelModel } from 'amqplib';

/** One message as it came off the bus: where it was routed, its AMQP properties and its body. */
export interface CapturedNotification {
  routingKey: string;
  properties: {
    contentType?: string | undefined;
    contentEncoding?: string | undefined;
    deliveryMode?: number | undefined;
  };
  body: Record<string, unknown>;
}

/**
 * Listens as a notification consumer does: a private queue (exclusive, gone with the connection)
 * bound to `<topic>.info` and `<topic>.error` on the exchange. Harmless on a shared broker: Cinder's
 * own `notifications.*` queues keep receiving their copies.
 */
export async function captureNotifications(
  amqpUrl: string,
  exchange = 'openstack',
  topic = 'notifications',
): Promise<{ messages: CapturedNotification[]; stop(): Promise<void> }> {
  const connection: ChannelModel = await amqp.connect(amqpUrl);
  const channel = await connection.createChannel();
  // Cinder declares the exchange on its first message; binding must work before that.
  await channel.assertExchange(exchange, 'topic', { durable: false, autoDelete: false });
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true, durable: false });
  for (const priority of ['info', 'error']) await channel.bindQueue(queue, exchange, `${topic}.${priority}`);
  const messages: CapturedNotification[] = [];
  await channel.consume(
    queue,
    (message) => {
      if (!message) return;
      const { contentType, contentEncoding, deliveryMode } = message.properties;
      messages.push({
        routingKey: message.fields.routingKey,
        properties: { contentType, contentEncoding, deliveryMode },
        body: JSON.parse(message.content.toString('utf8')) as Record<string, unknown>,
      });
    },
    { noAck: true },
  );
  return { messages, stop: () => connection.close().catch(() => undefined) };
}

/** The inner message of the messagingv2 envelope. */
export function innerMessage(captured: CapturedNotification): Record<string, unknown> {
  const wrapped = captured.body['oslo.message'];
  return (typeof wrapped === 'string' ? JSON.parse(wrapped) : captured.body) as Record<string, unknown>;
}

/** Which service published: cinder-api (`volume.<host>`), cinder-volume (`…@backend`) or a pool (`…#pool`). */
function sender(publisherId: string): string {
  const [kind, host = ''] = publisherId.split(/\.(.*)/s);
  return `${kind}.${host.includes('#') ? 'pool' : host.includes('@') ? 'backend' : 'node'}`;
}

/**
 * What must be the same between the emulator and a real Cinder for a consumer: routing, envelope,
 * message keys, event type, priority, sender and payload keys, and the payload's `status` (and
 * `size`) at that moment. Ids, hosts and times differ by nature and are left out.
 */
export function notificationShape(captured: CapturedNotification) {
  const message = innerMessage(captured);
  const payload = (message.payload ?? {}) as Record<string, unknown>;
  const keys = Object.keys(message);
  return {
    routingKey: captured.routingKey,
    properties: captured.properties,
    envelope: Object.keys(captured.body).sort(),
    messageKeys: keys.filter((k) => !k.startsWith('_context_')).sort(),
    contextKeys: keys.filter((k) => k.startsWith('_context_')).sort(),
    eventType: message.event_type,
    priority: message.priority,
    sender: sender(String(message.publisher_id)),
    payloadKeys: Object.keys(payload).sort(),
    status: payload.status,
    ...(typeof payload.size === 'number' ? { size: payload.size } : {}),
  };
}

/** The messages about any of `ids` (a volume, snapshot or backup id in the payload), in order. */
export function about(messages: CapturedNotification[], ids: string[]): CapturedNotification[] {
  return messages.filter((m) => {
    const payload = (innerMessage(m).payload ?? {}) as Record<string, unknown>;
    return [payload.volume_id, payload.snapshot_id, payload.backup_id].some(
      (id) => typeof id === 'string' && ids.includes(id),
    );
  });
}
