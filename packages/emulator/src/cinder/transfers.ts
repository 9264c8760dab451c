import { randomBytes, randomUUID } from 'node:crypto';
import { VOLUME_LIFECYCLE } from '@cinder-console/cinder';
import express, { type Request, type Response } from 'express';
import { cinderTime, cinderTimeExact } from '../http/time.js';
import { jsonBody } from '../http/json-body.js';
import { badRequest, CinderFault, notFound } from './errors.js';
import { markCinderResponse, webobNotFound } from './faults.js';
import { allows } from './gates.js';
import { compareValues, parseSort } from './list-query.js';
import { findVolume } from './lookups.js';
import { pageParams } from './pagination.js';
import { checkQuota } from './quota.js';
import type { TransferRecord, VolumeRecord } from './records.js';
import { bodyObject, callerOf, checkBodyKeys, param, requireMember, versionAtLeast } from './request.js';
import { listingPrefix, requestLinks, type CinderService } from './service.js';
import { checkBoolean, checkNoExtraKeys, checkUuidFormat, invalidField, pyRepr } from './validation.js';

/** Both paths share one view builder, whose links always name the legacy collection. */
const COLLECTION = 'os-volume-transfer';

/** The `transfers` table's columns: a list filter naming anything else makes the query return nothing. */
const COLUMNS = [
  'id',
  'volume_id',
  'display_name',
  'salt',
  'crypt_hash',
  'expires_at',
  'no_snapshots',
  'source_project_id',
  'destination_project_id',
  'accepted',
  'created_at',
  'updated_at',
  'deleted_at',
  'deleted',
];

/** Query parameters the 3.59 pagination consumes; before 3.59 (and on the legacy path) they are filters. */
const PAGE_PARAMS = ['limit', 'marker', 'offset', 'sort', 'sort_key', 'sort_dir'];

const SERVER_ERROR = 'The server has either erred or is incapable of performing the requested operation.';

/**
 * `name` (`name_skip_leading_trailing_spaces`): stripped; empty, blank or over 255 characters fails
 * the `oneOf`. The format checker calls `.strip()` on any truthy value, so a number is a 500 there.
 */
function transferName(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const schemaError = () => invalidField('name', value, `${pyRepr(value)} is not valid under any of the given schemas`);
  if (typeof value === 'string') {
    const stripped = value.trim();
    if (stripped.length === 0 || stripped.length > 255) throw schemaError();
    return stripped;
  }
  const falsy = value === 0 || value === false || (typeof value === 'object' && Object.keys(value).length === 0);
  if (falsy) throw schemaError();
  throw new CinderFault(500, SERVER_ERROR);
}

const TRUE_STRINGS = ['1', 't', 'true', 'on', 'y', 'yes'];

/**
 * Volume transfers (`api/contrib/volume_transfer.py` at `/os-volume-transfer`, and its 3.x
 * subclass `api/v3/volume_transfer.py` at `/volume-transfers`, routed at every microversion): the
 * owner offers an `available` volume, which waits in `awaiting-transfer`; any project's member who
 * has the id and the auth key accepts it, and the volume (with its snapshots unless
 * `no_snapshots`) and its quota usage move to that project. Cancelling puts it back to `available`.
 */
export function transfersRouter(service: CinderService): express.Router {
  const { state, ctx } = service;
  const router = express.Router();
  const paths = (suffix: string) => [`/os-volume-transfer${suffix}`, `/volume-transfers${suffix}`];
  /** The 3.x controller (`/volume-transfers`) knows `no_snapshots`, encryption and pagination. */
  const isV3 = (req: Request) => req.path.startsWith('/volume-transfers');
  // The v2 API routed only the extension's `/os-volume-transfer`; `/volume-transfers` is v3's.
  router.use('/volume-transfers', (_req, res, next) => (res.locals.legacy ? webobNotFound(res) : next()));

  const links = (res: Response, t: TransferRecord) =>
    requestLinks(service, callerOf(res).urlProjectId, COLLECTION, t.id);
  const summary = (res: Response, t: TransferRecord) => ({
    id: t.id,
    volume_id: t.volumeId,
    name: t.name,
    links: links(res, t),
  });
  /** Fields the view adds by microversion, on both paths: 3.55 `no_snapshots`, 3.57 the history. */
  const extras = (res: Response, t: TransferRecord) => ({
    ...(versionAtLeast(res, 55) ? { no_snapshots: t.noSnapshots ?? false } : {}),
    ...(versionAtLeast(res, 57)
      ? { destination_project_id: null, source_project_id: t.projectId, accepted: false }
      : {}),
  });
  const detail = (res: Response, t: TransferRecord) => ({
    id: t.id,
    created_at: cinderTime(t.createdAt),
    name: t.name,
    volume_id: t.volumeId,
    links: links(res, t),
    ...extras(res, t),
  });
  const send = (res: Response, body: unknown, status = 200) => {
    markCinderResponse(res);
    res.status(status).json(body);
  };
  /** `transfer_get`: admins see every transfer, others only those of their project's volumes. */
  const visible = (res: Response, id: string) => {
    const transfer = state.transfers.get(id);
    const caller = callerOf(res);
    if (!transfer || (!caller.isAdmin && transfer.projectId !== caller.projectId)) {
      throw notFound(`Transfer ${id} could not be found.`);
    }
    return transfer;
  };

  router.post(paths(''), jsonBody, (req, res) => {
    const v3 = isV3(req);
    const body = bodyObject(req, 'transfer');
    checkBodyKeys(req, ['transfer']);
    const withFlag = v3 && versionAtLeast(res, 55);
    checkNoExtraKeys('transfer', body, withFlag ? ['volume_id', 'name', 'no_snapshots'] : ['volume_id', 'name']);
    if (!('volume_id' in body)) throw invalidField('transfer', body, "'volume_id' is a required property");
    const volumeId = checkUuidFormat('volume_id', body.volume_id);
    const name = transferName(body.name);
    const noSnapshots = withFlag && body.no_snapshots !== undefined && checkBoolean('no_snapshots', body.no_snapshots);
    const volume = findVolume(service, res, volumeId);
    requireMember(res, 'volume:create_transfer');
    if (!allows(VOLUME_LIFECYCLE.transfer, volume.status)) throw badRequest('Invalid volume: status must be available');
    if (volume.encrypted) {
      if (!v3 || !versionAtLeast(res, 70)) {
        throw badRequest('Invalid volume: transferring encrypted volume is not supported');
      }
      if (noSnapshots) {
        throw badRequest('Invalid volume: transferring an encrypted volume without its snapshots is not supported');
      }
    }
    if (!noSnapshots) {
      const busy = state.snapshotsOf(volume.id).find((s) => s.status !== 'available');
      if (busy) throw badRequest(`Invalid snapshot: snapshot: ${busy.id} status must be available`);
    }
    const transfer: TransferRecord = {
      id: randomUUID(),
      volumeId: volume.id,
      projectId: volume.projectId,
      name,
      // `volume_transfer_key_length`: 16 hex digits, shown once.
      authKey: randomBytes(8).toString('hex'),
      noSnapshots,
      createdAt: new Date(),
    };
    state.transfers.set(transfer.id, transfer);
    state.setStatus(volume, VOLUME_LIFECYCLE.transfer.transitional);
    ctx.persist();
    send(
      res,
      {
        transfer: {
          id: transfer.id,
          created_at: cinderTimeExact(transfer.createdAt),
          name: transfer.name,
          volume_id: transfer.volumeId,
          auth_key: transfer.authKey,
          links: links(res, transfer),
          ...extras(res, transfer),
        },
      },
      202,
    );
  });

  const list = (detailed: boolean) => (req: Request, res: Response) => {
    const caller = callerOf(res);
    const paginated = isV3(req) && versionAtLeast(res, 59);
    const page = pageParams(req);
    if ('error' in page) throw badRequest(page.error);
    const offset = offsetParam(req);
    const query = Object.entries(req.query).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    const tenants = req.query.all_tenants;
    const allTenants = caller.isAdmin && typeof tenants === 'string' && TRUE_STRINGS.includes(tenants.toLowerCase());
    const candidates = [...state.transfers.values()].filter((t) => allTenants || t.projectId === caller.projectId);
    let items = candidates;

    const filters = query
      .filter(([key]) => key !== 'all_tenants' && !(paginated && PAGE_PARAMS.includes(key)))
      .map(([key, value]) => [key === 'name' ? 'display_name' : key, value] as const);
    // `is_valid_model_filters`: a key that is not a column (including `limit` before 3.59) empties the list.
    if (filters.some(([key]) => !COLUMNS.includes(key))) items = [];
    for (const [key, value] of filters) items = items.filter((t) => transferColumn(t, key) === value);

    const terms = paginated
      ? parseSort(req)
      : [
          { key: 'created_at', dir: 'asc' as const },
          { key: 'id', dir: 'asc' as const },
        ];
    if (terms.some((term) => !COLUMNS.includes(term.key))) throw badRequest('Invalid input received: Invalid sort key');
    const order = (a: TransferRecord, b: TransferRecord) => {
      for (const term of terms) {
        const result = compareValues(transferColumn(a, term.key), transferColumn(b, term.key));
        if (result !== 0) return term.dir === 'asc' ? result : -result;
      }
      return 0;
    };
    items = [...items].sort(order);
    if (paginated) {
      if (page.marker !== undefined) {
        // The marker is looked up on its own, then the page starts after its place in the order.
        const marker = candidates.find((t) => t.id === page.marker);
        if (!marker) throw notFound(`Transfer ${page.marker} could not be found.`);
        items = items.filter((t) => order(t, marker) > 0);
      }
      items = items.slice(offset, offset + page.limit);
    }
    const count = items.length;
    // `common.limited` then applies offset and limit once more, on every path (so at 3.59 an offset counts twice).
    items = items.slice(offset, offset + page.limit);

    const body: Record<string, unknown> = {
      transfers: items.map((t) => (detailed ? detail(res, t) : summary(res, t))),
    };
    if (items.length > 0 && page.limit <= count) {
      const params = new URLSearchParams(query.filter(([key]) => key !== 'marker'));
      params.append('marker', items[items.length - 1]!.id);
      body.transfers_links = [
        { rel: 'next', href: `${listingPrefix(service, caller.urlProjectId)}/${COLLECTION}?${params.toString()}` },
      ];
    }
    send(res, body);
  };
  router.get(paths(''), list(false));
  router.get(paths('/detail'), list(true));
  router.get(paths('/:id'), (req, res) => {
    send(res, { transfer: detail(res, visible(res, param(req, 'id'))) });
  });

  router.post(paths('/:id/accept'), jsonBody, (req, res) => {
    const body = bodyObject(req, 'accept');
    checkBodyKeys(req, ['accept']);
    checkNoExtraKeys('accept', body, ['auth_key']);
    if (!('auth_key' in body)) throw invalidField('accept', body, "'auth_key' is a required property");
    const key = body.auth_key;
    if (typeof key !== 'string' && !Number.isInteger(key)) {
      throw invalidField('auth_key', key, `${pyRepr(key)} is not of type 'string', 'integer'`);
    }
    requireMember(res, 'volume:accept_transfer');
    const id = param(req, 'id');
    // Accepting is not project-scoped: the id and the key are the credentials.
    const transfer = state.transfers.get(id);
    if (!transfer) throw notFound(`Transfer ${id} could not be found.`);
    if (String(key) !== transfer.authKey) {
      throw badRequest(`Invalid auth key: Attempt to transfer ${transfer.id} with invalid auth key.`);
    }
    const volume = state.volumes.get(transfer.volumeId);
    if (!volume) throw notFound(`Volume ${transfer.volumeId} could not be found.`);
    const caller = callerOf(res);
    const snapshots = transfer.noSnapshots ? [] : state.snapshotsOf(volume.id);
    reserveForAcceptor(service, caller.projectId, volume, snapshots);
    if (volume.status === 'maintenance') {
      throw badRequest('Invalid volume: The volume cannot accept transfer in maintenance mode.');
    }
    if (volume.status !== 'awaiting-transfer') {
      throw badRequest(
        `Invalid volume: Transfer ${transfer.id}: Volume id ${volume.id} expected in awaiting-transfer state.`,
      );
    }
    const busy = snapshots.find((s) => s.status !== 'available');
    if (busy) {
      throw badRequest(
        `Invalid snapshot: Transfer ${transfer.id}: Snapshot ${busy.id} is not in the expected available state.`,
      );
    }
    if (transfer.noSnapshots) {
      const left = state.snapshotsOf(volume.id).map((s) => s.projectId);
      if (left.length > 0) {
        volume.strandedSnapshotProjects = [...new Set([...(volume.strandedSnapshotProjects ?? []), ...left])];
      }
    }
    volume.projectId = caller.projectId;
    volume.userId = caller.userId;
    state.setStatus(volume, 'available');
    for (const snapshot of snapshots) {
      snapshot.projectId = caller.projectId;
      snapshot.userId = caller.userId;
      snapshot.updatedAt = new Date();
    }
    state.transfers.delete(transfer.id);
    ctx.persist();
    send(res, { transfer: summary(res, transfer) }, 202);
  });

  router.delete(paths('/:id'), (req, res) => {
    const transfer = visible(res, param(req, 'id'));
    requireMember(res, 'volume:delete_transfer');
    const volume = state.volumes.get(transfer.volumeId);
    // `transfer_destroy` puts the volume back only if it is still waiting; the record goes regardless.
    if (volume?.status === 'awaiting-transfer') state.setStatus(volume, 'available');
    state.transfers.delete(transfer.id);
    ctx.persist();
    markCinderResponse(res);
    res.status(202).end();
  });
  return router;
}

/** `offset` as `common.get_pagination_params` reads it (oslo's `validate_integer` texts). */
function offsetParam(req: Request): number {
  const raw = req.query.offset;
  if (raw === undefined) return 0;
  if (typeof raw !== 'string' || !/^\s*[-+]?\d+\s*$/.test(raw)) throw badRequest('offset must be an integer');
  const offset = Number(raw);
  if (offset < 0) throw badRequest('offset must be >= 0');
  return offset;
}

/** A transfer's value in one of the table's columns, for filters and sorting. */
function transferColumn(t: TransferRecord, column: string): string | number | null {
  switch (column) {
    case 'id':
      return t.id;
    case 'volume_id':
      return t.volumeId;
    case 'display_name':
      return t.name;
    case 'source_project_id':
      return t.projectId;
    case 'created_at':
      // The database keeps whole seconds, so transfers made within one second tie and `id` decides.
      return Math.floor(t.createdAt.getTime() / 1000);
    default:
      return null;
  }
}

/**
 * The accepting project's reservations (`transfer/api.py: accept`): the volume (per-volume size
 * limit, then volumes and gigabytes, per type too), then its snapshots on top. A gigabytes refusal
 * is re-raised by the controller without the exception class; count refusals keep it.
 */
function reserveForAcceptor(
  service: CinderService,
  projectId: string,
  volume: VolumeRecord,
  snapshots: Array<{ size: number }>,
): void {
  const type = service.state.volumeTypes.get(volume.volumeTypeId)!.name;
  const forVolume = {
    volumes: 1,
    gigabytes: volume.size,
    [`volumes_${type}`]: 1,
    [`gigabytes_${type}`]: volume.size,
  };
  const size = snapshots.reduce((sum, s) => sum + s.size, 0);
  const forSnapshots = {
    snapshots: snapshots.length,
    gigabytes: size,
    [`snapshots_${type}`]: snapshots.length,
    [`gigabytes_${type}`]: size,
  };
  try {
    checkQuota(service.state, projectId, forVolume);
    if (snapshots.length > 0) checkQuota(service.state, projectId, forSnapshots, { pending: forVolume });
  } catch (error) {
    if (error instanceof CinderFault) error.message = error.message.replace(/^VolumeSizeExceedsAvailableQuota: /, '');
    throw error;
  }
}
