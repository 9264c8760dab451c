import express, { type Response } from 'express';
import { cinderTime } from '../http/time.js';
import { notFound } from './errors.js';
import { markCinderResponse } from './faults.js';
import type { MessageRecord } from './records.js';
import { RESOURCE_FILTERS, resourceFilters } from './resource-filters.js';
import { callerOf, versionAtLeast, visibleTo } from './request.js';
import { itemLinks, type CinderService } from './service.js';

/** Availability zones, user messages (3.3) and resource-filter discovery (3.33). */
export function miscRouter(service: CinderService): express.Router {
  const { state, ctx } = service;
  const router = express.Router();
  const send = (res: Response, body: unknown) => {
    markCinderResponse(res);
    res.json(body);
  };
  const messageView = (message: MessageRecord) => ({
    id: message.id,
    event_id: message.eventId,
    user_message: message.userMessage,
    message_level: message.messageLevel,
    resource_type: message.resourceType,
    resource_uuid: message.resourceUuid,
    created_at: cinderTime(message.createdAt),
    guaranteed_until: cinderTime(message.guaranteedUntil),
    request_id: message.requestId,
    links: itemLinks(service, message.projectId, 'messages', message.id),
  });
  const findMessage = (res: Response, id: string) => {
    if (!versionAtLeast(res, 3)) throw notFound('The resource could not be found.');
    const message = state.messages.get(id);
    if (!message || !visibleTo(res, message.projectId)) throw notFound(`Message ${id} could not be found.`);
    return message;
  };

  router.get('/os-availability-zone', (_req, res) => {
    send(res, {
      availabilityZoneInfo: state.availabilityZones.map((zoneName) => ({ zoneName, zoneState: { available: true } })),
    });
  });

  router.get('/messages', (req, res) => {
    if (!versionAtLeast(res, 3)) throw notFound('The resource could not be found.');
    const caller = callerOf(res);
    // Message list parameters (filters, sorting, paging) are read only from 3.5.
    const q = versionAtLeast(res, 5) ? (req.query as Record<string, string | undefined>) : {};
    const messages = [...state.messages.values()]
      .filter((m) => caller.isAdmin || m.projectId === caller.projectId)
      .filter((m) => !q.resource_uuid || m.resourceUuid === q.resource_uuid)
      .filter((m) => !q.resource_type || m.resourceType === q.resource_type)
      .filter((m) => !q.event_id || m.eventId === q.event_id)
      .filter((m) => !q.request_id || m.requestId === q.request_id)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    send(res, { messages: messages.map(messageView) });
  });

  router.get('/messages/:id', (req, res) => send(res, { message: messageView(findMessage(res, req.params.id)) }));

  router.delete('/messages/:id', (req, res) => {
    const message = findMessage(res, req.params.id);
    state.messages.delete(message.id);
    ctx.persist();
    res.status(204).end();
  });

  router.get('/resource_filters', (req, res) => {
    if (!versionAtLeast(res, 33)) throw notFound('The resource could not be found.');
    const wanted = typeof req.query.resource === 'string' ? [req.query.resource] : Object.keys(RESOURCE_FILTERS);
    send(res, {
      resource_filters: wanted
        .filter((resource) => resource in RESOURCE_FILTERS)
        .map((resource) => ({ resource, filters: resourceFilters(ctx, resource) })),
    });
  });
  return router;
}
