import type { Response } from 'express';
import { novaFault } from './faults.js';

/** Python's repr of a JSON value, as jsonschema's messages quote it. */
function pyRepr(value: unknown): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as object)
      .map(([k, v]) => `'${k}': ${pyRepr(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

const invalid = (res: Response, field: string, value: unknown, reason: string) =>
  novaFault(
    res,
    400,
    `Invalid input for field/attribute ${field}. Value: ${typeof value === 'string' ? value : pyRepr(value)}. ${reason}`,
  );

/** nova/block_device.py `match_device`: what Nova accepts as a device name. */
const DEVICE = /(^\/dev\/x{0,1}[a-z]{0,1}d{0,1})([a-z]+)[0-9]*$/;
const DEVICE_SOURCE = '(^/dev/x{0,1}[a-z]{0,1}d{0,1})([a-z]+)[0-9]*$';
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export interface AttachInput {
  volumeId: string;
  device?: string;
  tag?: string;
  deleteOnTermination?: boolean;
}

/**
 * The body of `POST os-volume_attachments`, checked like Nova's JSON schema for the request's
 * microversion: `tag` from 2.49, `delete_on_termination` from 2.79, nothing else.
 */
export function validateAttachBody(res: Response, body: unknown): AttachInput | undefined {
  const [, minor] = res.locals.computeVersion as [number, number];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return void invalid(res, 'root', body, `${pyRepr(body)} is not of type 'object'`);
  }
  const record = body as Record<string, unknown>;
  const attachment = record.volumeAttachment;
  if (attachment === undefined) return void invalid(res, 'root', body, "'volumeAttachment' is a required property");
  if (typeof attachment !== 'object' || attachment === null || Array.isArray(attachment)) {
    return void invalid(res, 'volumeAttachment', attachment, `${pyRepr(attachment)} is not of type 'object'`);
  }
  const fields = attachment as Record<string, unknown>;
  const allowed = [
    'volumeId',
    'device',
    ...(minor >= 49 ? ['tag'] : []),
    ...(minor >= 79 ? ['delete_on_termination'] : []),
  ];
  const extra = Object.keys(fields).filter((k) => !allowed.includes(k));
  if (extra.length > 0) {
    const list = extra.map((k) => `'${k}'`).join(', ');
    return void invalid(
      res,
      'volumeAttachment',
      fields,
      `Additional properties are not allowed (${list} ${extra.length > 1 ? 'were' : 'was'} unexpected)`,
    );
  }
  if (fields.volumeId === undefined)
    return void invalid(res, 'volumeAttachment', fields, "'volumeId' is a required property");
  if (typeof fields.volumeId !== 'string' || !UUID.test(fields.volumeId)) {
    return void invalid(res, 'volumeId', fields.volumeId, `${pyRepr(fields.volumeId)} is not a 'uuid'`);
  }
  const device = fields.device;
  if (device !== undefined && device !== null) {
    if (typeof device !== 'string')
      return void invalid(res, 'device', device, `${pyRepr(device)} is not of type 'string', 'null'`);
    if (!DEVICE.test(device))
      return void invalid(res, 'device', device, `'${device}' does not match '${DEVICE_SOURCE}'`);
  }
  const tag = fields.tag;
  if (tag !== undefined && (typeof tag !== 'string' || tag.length > 60 || /[/,]/.test(tag))) {
    return void invalid(res, 'tag', tag, `${pyRepr(tag)} is not a valid tag`);
  }
  const dot = fields.delete_on_termination;
  if (dot !== undefined && typeof dot !== 'boolean') {
    return void invalid(res, 'delete_on_termination', dot, `${pyRepr(dot)} is not of type 'boolean'`);
  }
  return {
    volumeId: fields.volumeId,
    ...(typeof device === 'string' ? { device } : {}),
    ...(typeof tag === 'string' ? { tag } : {}),
    ...(typeof dot === 'boolean' ? { deleteOnTermination: dot } : {}),
  };
}
