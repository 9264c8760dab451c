import type { RequestHandler } from 'express';
import { newRequestId } from './ids.js';

/** Puts `x-openstack-request-id` on every response, errors and unrouted 404s included, as oslo does. */
export const requestId: RequestHandler = (_req, res, next) => {
  const id = newRequestId();
  res.locals.requestId = id;
  res.setHeader('x-openstack-request-id', id);
  next();
};
