import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config.js';
import { startBff } from '../server.js';
import { cloudClient, type CloudClient } from '../test-support/cloud-client.js';
import { openEvents } from '../test-support/events.js';
import { BrowserClient } from '../test-support/harness.js';
import { TcpForwarder } from '../test-support/tcp-forwarder.js';
import { NotificationConsumer, type CinderNotification } from './notifications.js';

// Against the real rig (deploy/openstack-dev, Cinder with `driver = messagingv2`): Cinder's own
// notifications reach the consumer, which survives its bus going away and coming back. The bus is
// "taken away" by cutting a forwarder in front of the shared RabbitMQ, which keeps running.
const real = process.env.OS_REAL_CLOUD === '1';
const authUrl = process.env.REAL_OS_AUTH_URL ?? 'http://127.0.0.1:5000/v3';
const WAIT = { timeout: 120_000, interval: 200 };

describe.skipIf(!real)("Cinder's notifications on the rig's RabbitMQ", { timeout: 600_000 }, () => {
  const forwarder = new TcpForwarder({ host: '127.0.0.1', port: 5672 });
  const received: CinderNotification[] = [];
  const states: boolean[] = [];
  let consumer: NotificationConsumer;
  let demo: CloudClient;
  const created: string[] = [];

  beforeAll(async () => {
    await forwarder.start();
    demo = await cloudClient(authUrl, 'demo', process.env.OSDEV_DEMO_PASSWORD ?? 'demo');
    consumer = new NotificationConsumer({
      url: `rabbit://guest:guest@127.0.0.1:${forwarder.port}/`,
      exchange: process.env.OS_NOTIFICATIONS_EXCHANGE ?? 'openstack',
      topic: 'notifications',
      onNotification: (n) => received.push(n),
      onState: (connected) => states.push(connected),
    });
    consumer.start();
    await vi.waitFor(() => expect(consumer.isConnected).toBe(true), WAIT);
  });
  afterAll(async () => {
    await consumer?.stop();
    await forwarder.cut();
    for (const id of created) await demo.cinder(`/volumes/${id}`, { method: 'DELETE' });
  });

  async function createVolume(name: string): Promise<string> {
    const response = await demo.cinder('/volumes', { method: 'POST', body: { volume: { size: 1, name } } });
    expect(response.status).toBe(202);
    const id = ((await response.json()) as { volume: { id: string } }).volume.id;
    created.push(id);
    return id;
  }

  function seen(eventType: string): boolean {
    return received.some((n) => n.eventType === eventType && n.kind === 'volume');
  }

  it("hears a volume's create.start and create.end, in its project", async () => {
    await createVolume('notified-create');
    await vi.waitFor(() => expect(seen('volume.create.end')).toBe(true), WAIT);
    expect(seen('volume.create.start')).toBe(true);
    expect(received.find((n) => n.eventType === 'volume.create.end')?.projectId).toBe(demo.projectId);
  });

  it('says when the bus goes away, reconnects by itself when it is back, and hears again', async () => {
    await forwarder.cut();
    await vi.waitFor(() => expect(consumer.isConnected).toBe(false), WAIT);
    expect(states.at(-1)).toBe(false);
    await forwarder.restore();
    await vi.waitFor(() => expect(consumer.isConnected).toBe(true), WAIT);
    received.length = 0;
    const id = await createVolume('notified-after-reconnect');
    await vi.waitFor(() => expect(seen('volume.create.end')).toBe(true), WAIT);
    // Deleting it is heard too: what turns a row into a deletion on the page.
    const deleted = await demo.cinder(`/volumes/${id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(202);
    created.splice(created.indexOf(id), 1);
    await vi.waitFor(() => expect(seen('volume.delete.end')).toBe(true), WAIT);
  });

  it('make the relay look at once: a rename at the cloud reaches the stream with polling all but off', async () => {
    // Polling at an hour's pace both ways: only a notification can make the relay look.
    const bff = await startBff(
      loadConfig({
        OS_AUTH_URL: authUrl,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        LIVE_WATCH_MS: '3600000',
        LIVE_SLOW_MS: '3600000',
        OS_NOTIFICATIONS_URL: `rabbit://guest:guest@127.0.0.1:${forwarder.port}/`,
      }),
    );
    try {
      const browser = new BrowserClient(bff.url);
      expect((await browser.login('demo', process.env.OSDEV_DEMO_PASSWORD ?? 'demo')).status).toBe(201);
      const id = await createVolume('notified-relay');
      await vi.waitFor(() => expect(seen('volume.create.end')).toBe(true), WAIT);
      const stream = await openEvents(browser);
      await stream.positioned();
      // The relay's own consumer is connected once a change it was told of comes through.
      const name = `notified-rename-${Date.now()}`;
      await vi.waitFor(async () => {
        await demo.cinder(`/volumes/${id}`, { method: 'PUT', body: { volume: { name: `${name}-${Date.now()}` } } });
        await stream.next((e) => e.id === id && 'resource' in e && String(e.resource.name).startsWith(name), 5000);
      }, WAIT);
      stream.close();
    } finally {
      await bff.close();
    }
  });
});
