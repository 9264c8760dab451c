import { randomBytes, randomUUID } from 'node:crypto';
import { VOLUME_LIFECYCLE } from '@cinder-console/cinder';
import { allows } from './gates.js';
import express, { type Request, type Response } from 'express';
import { cinderTime } from '../http/time.js';
import { jsonBody } from '../http/json-body.js';
import { badRequest, notFound } from './errors.js';
import { markCinderResponse } from './faults.js';
import { findVolume } from './lookups.js';
import { checkQuota } from './quota.js';
import type { TransferRecord } from './records.js';
import { bodyObject, callerOf, param, requireMember, versionAtLeast, visibleTo } from './request.js';
import { itemLinks, type CinderService } from './service.js';
import { checkText, checkUuid } from './validation.js';

/** Volume transfers: the owner offers a volume, another project accepts it with the auth key. */
export function transfersRouter(service: CinderService): express.Router {
  const { state, ctx } = service;
  const router = express.Router();
  const summary = (t: TransferRecord) => ({
    id: t.id,
    name: t.name,
    volume_id: t.volumeId,
    links: itemLinks(service, t.projectId, 'os-volume-transfer', t.id),
  });
  const detail = (t: TransferRecord) => ({ ...summary(t), created_at: cinderTime(t.createdAt) });
  const send = (res: Response, body: unknown, status = 200) => {
    markCinderResponse(res);
    res.status(status).json(body);
  };
  const own = (res: Response, id: string) => {
    const transfer = state.transfers.get(id);
    if (!transfer || !visibleTo(res, transfer.projectId)) throw notFound(`Transfer ${id} could not be found.`);
    return transfer;
  };
  // `/volume-transfers` is the 3.55 name of the same resource.
  const paths = (suffix: string) => [`/os-volume-transfer${suffix}`, `/volume-transfers${suffix}`];
  const gate = (req: Request, res: Response) => {
    if (req.path.startsWith('/volume-transfers') && !versionAtLeast(res, 55))
      throw notFound('The resource could not be found.');
  };

  router.post(paths(''), jsonBody, (req, res) => {
    gate(req, res);
    requireMember(res, 'volume:create_transfer');
    const body = bodyObject(req, 'transfer');
    const volume = findVolume(service, res, checkUuid('volume_id', body.volume_id, { nullable: false })!);
    const name = checkText('name', body.name);
    if (!allows(VOLUME_LIFECYCLE.transfer, volume.status)) throw badRequest('Invalid volume: status must be available');
    const transfer: TransferRecord = {
      id: randomUUID(),
      volumeId: volume.id,
      projectId: volume.projectId,
      name,
      authKey: randomBytes(8).toString('hex'),
      createdAt: new Date(),
    };
    state.transfers.set(transfer.id, transfer);
    state.setStatus(volume, 'awaiting-transfer');
    ctx.persist();
    send(res, { transfer: { ...detail(transfer), auth_key: transfer.authKey } }, 202);
  });

  const list = (detailed: boolean) => (req: Request, res: Response) => {
    gate(req, res);
    const caller = callerOf(res);
    const transfers = [...state.transfers.values()].filter((t) => t.projectId === caller.projectId);
    send(res, { transfers: transfers.map(detailed ? detail : summary) });
  };
  router.get(paths(''), list(false));
  router.get(paths('/detail'), list(true));
  router.get(paths('/:id'), (req, res) => {
    gate(req, res);
    send(res, { transfer: detail(own(res, param(req, 'id'))) });
  });

  router.post(paths('/:id/accept'), jsonBody, (req, res) => {
    gate(req, res);
    requireMember(res, 'volume:accept_transfer');
    const body = bodyObject(req, 'accept');
    // Accepting is deliberately not project-scoped: the id and the key are the credentials.
    const transfer = state.transfers.get(param(req, 'id'));
    if (!transfer) throw notFound(`Transfer ${param(req, 'id')} could not be found.`);
    if (body.auth_key !== transfer.authKey) {
      throw badRequest(`Invalid auth key: Attempt to transfer ${transfer.id} with invalid auth key.`);
    }
    const volume = state.volumes.get(transfer.volumeId)!;
    const caller = callerOf(res);
    const type = state.volumeTypes.get(volume.volumeTypeId)!;
    checkQuota(state, caller.projectId, {
      volumes: 1,
      gigabytes: volume.size,
      [`volumes_${type.name}`]: 1,
      [`gigabytes_${type.name}`]: volume.size,
    });
    volume.projectId = caller.projectId;
    volume.userId = caller.userId;
    for (const snapshot of state.snapshotsOf(volume.id)) snapshot.projectId = caller.projectId;
    state.setStatus(volume, 'available');
    state.transfers.delete(transfer.id);
    ctx.persist();
    send(res, { transfer: summary(transfer) }, 202);
  });

  router.delete(paths('/:id'), (req, res) => {
    gate(req, res);
    requireMember(res, 'volume:delete_transfer');
    const transfer = own(res, param(req, 'id'));
    const volume = state.volumes.get(transfer.volumeId);
    if (volume?.status === 'awaiting-transfer') state.setStatus(volume, 'available');
    state.transfers.delete(transfer.id);
    ctx.persist();
    res.status(202).end();
  });
  return router;
}
