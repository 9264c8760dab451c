import { describe, expect, it } from 'vitest';
import { amqpUrls } from './transport-url.js';

describe('an oslo.messaging transport URL (OS_NOTIFICATIONS_URL, --notifications-url)', () => {
  it('turns into one AMQP URL per broker, keeping the virtual host', () => {
    expect(amqpUrls('rabbit://guest:guest@127.0.0.1:5672/')).toEqual(['amqp://guest:guest@127.0.0.1:5672']);
    expect(amqpUrls('rabbit://u:p@h1:5672,u:p@h2:5672/openstack')).toEqual([
      'amqp://u:p@h1:5672/openstack',
      'amqp://u:p@h2:5672/openstack',
    ]);
    expect(() => amqpUrls('amqp://h')).toThrow(/rabbit:\/\//);
  });
});
