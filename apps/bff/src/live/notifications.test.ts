import { describe, expect, it } from 'vitest';
import { parseNotification } from './notifications.js';

/** A message as Cinder's messagingv2 notifier puts it on the bus (shape taken from the rig's RabbitMQ). */
function envelope(eventType: string, payload: Record<string, unknown>): Buffer {
  const inner = {
    message_id: '3ca7693a-51a7-46f5-8dbc-f967bf8ad220',
    publisher_id: 'volume.osdev@localfile',
    event_type: eventType,
    priority: 'INFO',
    payload,
    timestamp: '2026-12-04 17:32:57.313540',
    _context_project_id: 'p1',
    _context_read_deleted: 'no',
  };
  return Buffer.from(JSON.stringify({ 'oslo.version': '2.0', 'oslo.message': JSON.stringify(inner) }));
}

describe("Cinder's notifications", () => {
  it('tell the kind and the project of a volume, snapshot or backup change', () => {
    expect(
      parseNotification(envelope('volume.resize.start', { tenant_id: 'p1', volume_id: 'v1', status: 'extending' })),
    ).toEqual({
      kind: 'volume',
      projectId: 'p1',
      eventType: 'volume.resize.start',
    });
    expect(parseNotification(envelope('snapshot.create.end', { tenant_id: 'p2', snapshot_id: 's1' }))?.kind).toBe(
      'snapshot',
    );
    expect(parseNotification(envelope('backup.delete.end', { tenant_id: 'p3', backup_id: 'b1' }))?.projectId).toBe(
      'p3',
    );
  });

  it("read the older driver's bare messages too", () => {
    const bare = Buffer.from(JSON.stringify({ event_type: 'volume.create.end', payload: { tenant_id: 'p1' } }));
    expect(parseNotification(bare)?.eventType).toBe('volume.create.end');
  });

  it('ignore what is not a change of a live kind: pool capacity, other services, garbage', () => {
    expect(parseNotification(envelope('capacity.pool', { name_to_id: 'osdev@localfile#localfile' }))).toBeUndefined();
    expect(parseNotification(envelope('compute.instance.create.end', { tenant_id: 'p1' }))).toBeUndefined();
    expect(parseNotification(envelope('volume.create.end', { volume_id: 'no tenant' }))).toBeUndefined();
    expect(parseNotification(Buffer.from('not json'))).toBeUndefined();
  });
});
