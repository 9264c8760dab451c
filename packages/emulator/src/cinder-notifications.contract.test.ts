import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { login, type Login } from './contract/client.js';
import { contractTarget } from './contract/target.js';
import { call } from './contract/http.js';
import { waitForStatus } from './contract/wait.js';
import { startEmulator } from './index.js';
import {
  about,
  captureNotifications,
  innerMessage,
  notificationShape,
  type CapturedNotification,
} from './notify/capture.js';
import { haveRabbitmq, NEEDS_RABBITMQ, startTestBroker, type TestBroker } from '@cinder-console/test-support';

// Cinder's notifications for one volume's life (create, rename, extend, snapshot create, rename,
// delete, backup create and delete, volume delete), as a consumer on the bus sees them. The real
// rig's were recorded into fixtures/notifications-rig.json (RECORD_NOTIFICATIONS=1 with
// CONTRACT_TARGET=real rewrites it); the emulator's must have the same shape, message for message.
// On the emulator the test starts its own RabbitMQ on a loopback port; on the real cloud it binds
// a private queue on the rig's RabbitMQ (REAL_OS_NOTIFICATIONS_AMQP_URL, default 127.0.0.1:5672).
const FIXTURE = fileURLToPath(new URL('../fixtures/notifications-rig.json', import.meta.url));
const real = process.env.CONTRACT_TARGET === 'real';
const record = real && process.env.RECORD_NOTIFICATIONS === '1';
// Until the rig's messages are recorded (RECORD_NOTIFICATIONS=1 on the real target), nothing to compare with.
const recorded_ = existsSync(FIXTURE) || record;
const NO_RECORDING = recorded_ ? '' : ' [skipped: fixtures/notifications-rig.json not recorded yet]';
const WAIT = { timeout: 120_000, interval: real ? 500 : 50 };

interface Recording {
  recordedAt: string;
  calls: string[];
  messages: CapturedNotification[];
}

describe.skipIf((!real && !haveRabbitmq) || !recorded_)(
  `Cinder's notifications on the bus (messagingv2)${real ? '' : NEEDS_RABBITMQ}${NO_RECORDING}`,
  () => {
    let broker: TestBroker | undefined;
    let closeCloud: () => Promise<void>;
    let authUrl: string;
    let capture: Awaited<ReturnType<typeof captureNotifications>>;
    let demo: Login;

    beforeAll(async () => {
      if (real) {
        const target = await contractTarget();
        authUrl = target.authUrl;
        closeCloud = target.close;
        capture = await captureNotifications(
          process.env.REAL_OS_NOTIFICATIONS_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
        );
        demo = await login(target, 'demo');
      } else {
        broker = await startTestBroker();
        capture = await captureNotifications(broker.amqpUrl);
        const emulator = await startEmulator({ port: 0, fast: true, notificationsUrl: broker.url });
        authUrl = emulator.authUrl;
        closeCloud = emulator.close;
        demo = await login({ kind: 'emulator', authUrl, passwordOf: (u) => u, close: emulator.close }, 'demo');
      }
    });
    afterAll(async () => {
      await capture?.stop();
      await closeCloud?.();
      await broker?.stop();
    });

    it('carry the same events, routing, envelope and payload keys as the real Cinder Zed', async () => {
      const url = demo.volumeUrl;
      const calls: string[] = [];
      const send = async (method: string, path: string, body?: unknown) => {
        calls.push(`${method} ${path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '{id}')}`);
        const reply = await call(method, `${url}${path}`, demo.token, body);
        expect(reply.status, reply.text).toBeLessThan(300);
        return reply.body;
      };
      const until = (path: string, statuses: string[]) =>
        waitForStatus(`${url}${path}`, demo.token, statuses, { timeoutMs: 120_000 });

      const { volume } = await send('POST', '/volumes', { volume: { size: 1, name: 'notified' } });
      await until(`/volumes/${volume.id}`, ['available']);
      await send('PUT', `/volumes/${volume.id}`, { volume: { name: 'notified-renamed' } });
      await send('POST', `/volumes/${volume.id}/action`, { 'os-extend': { new_size: 2 } });
      await until(`/volumes/${volume.id}`, ['available']);
      const { snapshot } = await send('POST', '/snapshots', {
        snapshot: { volume_id: volume.id, name: 'notified-snap' },
      });
      await until(`/snapshots/${snapshot.id}`, ['available']);
      await send('PUT', `/snapshots/${snapshot.id}`, { snapshot: { name: 'notified-snap-renamed' } });
      await send('DELETE', `/snapshots/${snapshot.id}`);
      await until(`/snapshots/${snapshot.id}`, ['deleted']);
      const { backup } = await send('POST', '/backups', { backup: { volume_id: volume.id, name: 'notified-backup' } });
      await until(`/backups/${backup.id}`, ['available']);
      await until(`/volumes/${volume.id}`, ['available']);
      await send('DELETE', `/backups/${backup.id}`);
      await until(`/backups/${backup.id}`, ['deleted']);
      await send('DELETE', `/volumes/${volume.id}`);
      await until(`/volumes/${volume.id}`, ['deleted']);

      // The volume's delete.end is the last message of the story: wait for it, not for a time.
      const ours = () => about(capture.messages, [volume.id, snapshot.id, backup.id]);
      await vi.waitFor(
        () => expect(ours().map((m) => innerMessage(m).event_type)).toContain('volume.delete.end'),
        WAIT,
      );
      const messages = ours();
      if (record) {
        const recording: Recording = { recordedAt: new Date().toISOString(), calls, messages };
        writeFileSync(FIXTURE, `${JSON.stringify(recording, null, 2)}\n`);
      }
      const recorded = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Recording;
      expect(calls).toEqual(recorded.calls);
      expect(messages.map(notificationShape)).toEqual(recorded.messages.map(notificationShape));
      // Every message names the project, the field a consumer routes by.
      for (const message of messages) {
        expect((innerMessage(message).payload as { tenant_id: string }).tenant_id).toBe(demo.projectId);
      }
    });
  },
);
