import type { Response } from 'express';

const FAULT_NAMES: Record<number, string> = {
  400: 'badRequest',
  403: 'forbidden',
  404: 'itemNotFound',
  409: 'conflictingRequest',
};

/** Nova's fault body: `{"itemNotFound": {"code": 404, "message": "..."}}`, `computeFault` for the rest. */
export function novaFault(res: Response, status: number, message: string): void {
  res.status(status).json({ [FAULT_NAMES[status] ?? 'computeFault']: { code: status, message } });
}
