import { randomUUID } from 'node:crypto';
import { VOLUME_LIFECYCLE } from '@cinder-console/cinder';
import express, { type Response } from 'express';
import type { CinderCaller } from '../cinder/caller.js';
import type { VolumeRecord } from '../cinder/records.js';
import type { CinderService } from '../cinder/service.js';
import { completeLater } from '../cinder/transitions.js';
import { notifierFor } from '../notify/notifier.js';
import type { EmulatorContext } from '../context.js';
import { novaFault } from './faults.js';
import { findServer } from './servers.js';
import type { BlockDeviceMapping, ServerRecord } from './state.js';
import { validateAttachBody } from './validation.js';
import { attachmentView, createdAttachmentView } from './views.js';

const canWrite = (caller: CinderCaller) => caller.isAdmin || caller.roles.includes('member');

/** Nova asks Cinder for the volume with the user's token: another project's volume is "not found". */
function findVolume(service: CinderService, res: Response, id: string): VolumeRecord | undefined {
  const caller: CinderCaller = res.locals.caller;
  const volume = service.state.volumes.get(id);
  if (!volume || (volume.projectId !== caller.projectId && !caller.isAdmin)) {
    novaFault(res, 404, `Volume ${id} could not be found.`);
    return undefined;
  }
  return volume;
}

/** Cinder's refusal, as Nova passes it on (its own prefix, Cinder's message, status and request id). */
function cinderRefused(res: Response, message: string): void {
  novaFault(
    res,
    400,
    `Invalid volume: Invalid input received: Invalid volume: ${message} (HTTP 400) (Request-ID: ${res.locals.requestId})`,
  );
}

function refuseWhenNotActive(res: Response, server: ServerRecord, method: string): boolean {
  if (server.status !== 'ERROR') return false;
  novaFault(res, 409, `Cannot '${method}' instance ${server.id} while it is in vm_state error`);
  return true;
}

/**
 * `os-volume_attachments` under a server, driving Cinder's attachment flow as Nova does: create
 * reserves the volume (attaching) and answers at once; the compute host connects it and Cinder
 * marks it in-use with an attachment (server id, device). Delete begins detaching (detaching),
 * then the attachment goes and the volume is available again.
 */
export function volumeAttachmentsRouter(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  const cinder = (): CinderService => {
    const region = ctx.defaultRegion;
    return { ctx, state: ctx.regions.get(region)!, region, basePath: ctx.volumeBasePath(region) };
  };
  const base = '/servers/:serverId/os-volume_attachments';

  router.get(base, (req, res) => {
    const server = findServer(ctx, res, req.params.serverId);
    if (!server) return;
    const rows = ctx.nova.attachmentsOf(server.id).map((b) => attachmentView(res.locals, server.id, b));
    res.json({ volumeAttachments: rows });
  });

  router.get(`${base}/:volumeId`, (req, res) => {
    const server = findServer(ctx, res, req.params.serverId);
    if (!server) return;
    const bdm = ctx.nova.attachmentsOf(server.id).find((b) => b.volumeId === req.params.volumeId);
    if (!bdm) return novaFault(res, 404, `Instance ${server.id} is not attached to volume ${req.params.volumeId}`);
    res.json({ volumeAttachment: attachmentView(res.locals, server.id, bdm) });
  });

  router.post(base, express.json({ limit: '64kb' }), (req, res) => {
    const server = findServer(ctx, res, req.params.serverId);
    if (!server) return;
    const caller: CinderCaller = res.locals.caller;
    if (!canWrite(caller)) {
      return novaFault(res, 403, "Policy doesn't allow os_compute_api:os-volumes-attachments:create to be performed.");
    }
    const input = validateAttachBody(res, req.body);
    if (!input) return;
    if (refuseWhenNotActive(res, server, 'attach_volume')) return;
    const service = cinder();
    const volume = findVolume(service, res, input.volumeId);
    if (!volume) return;
    if (volume.attachments.length > 0 && !volume.multiattach) {
      const servers = volume.attachments.map((a) => a.serverId).join(', ');
      return novaFault(res, 400, `Invalid volume: volume ${volume.id} is already attached to instances: ${servers}`);
    }
    if (volume.status !== 'available' && !(volume.multiattach && volume.status === 'in-use')) {
      return cinderRefused(
        res,
        `Volume status must be available or downloading to reserve, but the current status is ${volume.status}.`,
      );
    }
    const bdms = ctx.nova.attachmentsOf(server.id);
    const taken = input.device && bdms.some((b) => b.device === input.device);
    const bdm: BlockDeviceMapping = {
      bdmUuid: randomUUID(),
      volumeId: volume.id,
      attachmentId: randomUUID(),
      device: input.device && !taken ? input.device : ctx.nova.nextDevice(server.id),
      tag: input.tag ?? null,
      deleteOnTermination: input.deleteOnTermination ?? false,
    };
    bdms.push(bdm);
    const before = volume.status;
    volume.attachStatus = 'attaching';
    service.state.setStatus(volume, VOLUME_LIFECYCLE.attach.transitional);
    // Nova's attachment_update reaches cinder-volume (attach.start); attachment_complete is cinder-api's (attach.end).
    const notify = notifierFor(service, res);
    notify.volume(volume, 'attach.start', 'volume');
    completeLater(service, {
      operation: 'volume.attach',
      durationMs: ctx.durations.attach,
      projectId: volume.projectId,
      requestId: String(res.locals.requestId),
      succeed: () => {
        volume.attachments.push({
          attachmentId: bdm.attachmentId,
          serverId: server.id,
          hostName: null,
          device: bdm.device,
          attachedAt: new Date(),
        });
        volume.attachStatus = 'attached';
        service.state.setStatus(volume, 'in-use');
        notify.volume(volume, 'attach.end', 'api');
      },
      // Nova rolls back: the attachment is deleted and the mapping removed
      fail: () => {
        ctx.nova.bdms.set(
          server.id,
          ctx.nova.attachmentsOf(server.id).filter((b) => b !== bdm),
        );
        volume.attachStatus = volume.attachments.length > 0 ? 'attached' : 'detached';
        service.state.setStatus(volume, before);
      },
      failure: {
        resourceType: 'VOLUME',
        resourceUuid: volume.id,
        eventId: 'VOLUME_VOLUME_002_001',
        userMessage: 'attach volume: An unknown error occurred.',
      },
    });
    ctx.persist();
    res.json({ volumeAttachment: createdAttachmentView(res.locals, server.id, bdm) });
  });

  router.delete(`${base}/:volumeId`, (req, res) => {
    const server = findServer(ctx, res, req.params.serverId);
    if (!server) return;
    const caller: CinderCaller = res.locals.caller;
    if (!canWrite(caller)) {
      return novaFault(res, 403, "Policy doesn't allow os_compute_api:os-volumes-attachments:delete to be performed.");
    }
    if (refuseWhenNotActive(res, server, 'detach_volume')) return;
    const service = cinder();
    const volume = findVolume(service, res, req.params.volumeId);
    if (!volume) return;
    const bdm = ctx.nova.attachmentsOf(server.id).find((b) => b.volumeId === volume.id);
    if (!bdm) return novaFault(res, 404, `Instance ${server.id} is not attached to volume ${volume.id}`);
    if (volume.status !== 'in-use' || volume.attachStatus !== 'attached') {
      return cinderRefused(
        res,
        "Unable to detach volume. Volume status must be 'in-use' and attach_status must be 'attached' to detach.",
      );
    }
    volume.attachStatus = 'detaching';
    service.state.setStatus(volume, VOLUME_LIFECYCLE.detach.transitional);
    const notify = notifierFor(service, res);
    notify.volume(volume, 'detach.start', 'volume');
    completeLater(service, {
      operation: 'volume.detach',
      durationMs: ctx.durations.detach,
      projectId: volume.projectId,
      requestId: String(res.locals.requestId),
      succeed: () => {
        ctx.nova.bdms.set(
          server.id,
          ctx.nova.attachmentsOf(server.id).filter((b) => b !== bdm),
        );
        volume.attachments = volume.attachments.filter((a) => a.attachmentId !== bdm.attachmentId);
        const attached = volume.attachments.length > 0;
        volume.attachStatus = attached ? 'attached' : 'detached';
        service.state.setStatus(volume, attached ? 'in-use' : 'available');
        notify.volume(volume, 'detach.end', 'api');
      },
      fail: () => {
        volume.attachStatus = 'attached';
        service.state.setStatus(volume, 'in-use');
      },
      failure: {
        resourceType: 'VOLUME',
        resourceUuid: volume.id,
        eventId: 'VOLUME_VOLUME_004_001',
        userMessage: 'detach volume: An unknown error occurred.',
      },
    });
    ctx.persist();
    res.status(202).end();
  });
  return router;
}
