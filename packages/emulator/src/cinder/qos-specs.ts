import { randomUUID } from 'node:crypto';
import express, { type Response } from 'express';
import { jsonBody } from '../http/json-body.js';
import { badRequest, conflict, notFound } from './errors.js';
import { markCinderResponse } from './faults.js';
import type { QosSpecsRecord } from './records.js';
import { bodyObject, requireAdmin } from './request.js';
import { serviceUrl, type CinderService } from './service.js';

const CONSUMERS = ['front-end', 'back-end', 'both'] as const;

/** QoS specs (admin): create, list, show, set and delete keys, associate with types, delete. */
export function qosSpecsRouter(service: CinderService): express.Router {
  const { state, ctx } = service;
  const router = express.Router();
  const find = (res: Response, id: string, rule: string): QosSpecsRecord => {
    requireAdmin(res, `volume_extension:qos_specs_manage:${rule}`);
    const qos = state.qosSpecs.get(id);
    if (!qos) throw notFound(`No such QoS spec ${id}.`);
    return qos;
  };
  const view = (qos: QosSpecsRecord) => ({ id: qos.id, name: qos.name, consumer: qos.consumer, specs: qos.specs });
  const links = (qos: QosSpecsRecord) => [
    { rel: 'self', href: `${serviceUrl(service)}/v3/qos-specs/${qos.id}` },
    { rel: 'bookmark', href: `${serviceUrl(service)}/qos-specs/${qos.id}` },
  ];
  const send = (res: Response, body: unknown) => {
    markCinderResponse(res);
    res.json(body);
  };
  const typeOf = (id: unknown) => {
    const type = typeof id === 'string' ? state.volumeTypes.get(id) : undefined;
    if (!type) throw notFound(`Volume type ${String(id)} could not be found.`);
    return type;
  };

  router.get('/qos-specs', (_req, res) => {
    requireAdmin(res, 'volume_extension:qos_specs_manage:get_all');
    send(res, { qos_specs: [...state.qosSpecs.values()].map(view) });
  });

  router.post('/qos-specs', jsonBody, (req, res) => {
    requireAdmin(res, 'volume_extension:qos_specs_manage:create');
    const { name, consumer = 'back-end', ...specs } = bodyObject(req, 'qos_specs') as Record<string, string>;
    if (typeof name !== 'string' || !name.trim()) throw badRequest('Please specify a name for QoS specs.');
    if (!CONSUMERS.includes(consumer as never)) {
      throw badRequest(`Invalid input received: Valid consumer of QoS specs are: ['front-end', 'back-end', 'both']`);
    }
    if ([...state.qosSpecs.values()].some((q) => q.name === name)) throw conflict(`QoS Specs ${name} already exists.`);
    const qos: QosSpecsRecord = {
      id: randomUUID(),
      name,
      consumer: consumer as QosSpecsRecord['consumer'],
      specs: { ...specs },
    };
    state.qosSpecs.set(qos.id, qos);
    ctx.persist();
    send(res, { qos_specs: view(qos), links: links(qos) });
  });

  router.get('/qos-specs/:id', (req, res) => {
    const qos = find(res, req.params.id, 'get');
    send(res, { qos_specs: view(qos), links: links(qos) });
  });

  router.put('/qos-specs/:id', jsonBody, (req, res) => {
    const qos = find(res, req.params.id, 'update');
    const specs = bodyObject(req, 'qos_specs') as Record<string, string>;
    Object.assign(qos.specs, specs);
    ctx.persist();
    send(res, { qos_specs: specs });
  });

  router.put('/qos-specs/:id/delete_keys', jsonBody, (req, res) => {
    const qos = find(res, req.params.id, 'delete_keys');
    const keys = (req.body as { keys?: unknown })?.keys;
    if (!Array.isArray(keys)) throw badRequest('Malformed request body');
    for (const key of keys) {
      if (!(key in qos.specs)) throw notFound(`QoS spec ${String(key)} could not be found.`);
      delete qos.specs[key];
    }
    ctx.persist();
    res.status(202).end();
  });

  router.delete('/qos-specs/:id', (req, res) => {
    const qos = find(res, req.params.id, 'delete');
    const associated = [...state.volumeTypes.values()].filter((t) => t.qosSpecsId === qos.id);
    if (associated.length > 0 && req.query.force !== 'True' && req.query.force !== 'true') {
      throw badRequest('Qos specs still in use.');
    }
    for (const type of associated) type.qosSpecsId = null;
    state.qosSpecs.delete(qos.id);
    ctx.persist();
    res.status(202).end();
  });

  router.get('/qos-specs/:id/associations', (req, res) => {
    const qos = find(res, req.params.id, 'get');
    const types = [...state.volumeTypes.values()].filter((t) => t.qosSpecsId === qos.id);
    send(res, { qos_associations: types.map((t) => ({ association_type: 'volume_type', name: t.name, id: t.id })) });
  });

  router.get('/qos-specs/:id/associate', (req, res) => {
    const qos = find(res, req.params.id, 'update');
    const type = typeOf(req.query.vol_type_id);
    if (type.qosSpecsId && type.qosSpecsId !== qos.id) {
      throw badRequest(`Type ${type.id} is already associated with another qos specs: ${type.qosSpecsId}`);
    }
    type.qosSpecsId = qos.id;
    ctx.persist();
    res.status(202).end();
  });

  router.get('/qos-specs/:id/disassociate', (req, res) => {
    const qos = find(res, req.params.id, 'update');
    const type = typeOf(req.query.vol_type_id);
    if (type.qosSpecsId === qos.id) type.qosSpecsId = null;
    ctx.persist();
    res.status(202).end();
  });

  router.get('/qos-specs/:id/disassociate_all', (req, res) => {
    const qos = find(res, req.params.id, 'update');
    for (const type of state.volumeTypes.values()) if (type.qosSpecsId === qos.id) type.qosSpecsId = null;
    ctx.persist();
    res.status(202).end();
  });
  return router;
}
