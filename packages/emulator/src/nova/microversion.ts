import type { RequestHandler } from 'express';
import { novaFault } from './faults.js';

/** Zed's compute API (Nova 26): 2.1 to 2.93. */
export const MIN_VERSION: [number, number] = [2, 1];
export const MAX_VERSION: [number, number] = [2, 93];

const format = ([major, minor]: [number, number]) => `${major}.${minor}`;
const compare = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1];

/** The compute API version from `OpenStack-API-Version: compute X` or the legacy Nova header. */
function requested(header: string | undefined, legacy: string | undefined): string | undefined {
  if (header) {
    for (const item of header.split(',')) {
      const [service, version] = item.trim().split(/\s+/);
      if (service?.toLowerCase() === 'compute' && version) return version;
    }
  }
  return legacy?.trim() || undefined;
}

/**
 * Microversion negotiation as Nova's wsgi layer does it: 2.1 without a header, `latest` is
 * 2.93, a malformed one is 400 and one out of range 406. Every answer, errors included, names
 * the version in both headers and varies on them.
 */
export const negotiateComputeVersion: RequestHandler = (req, res, next) => {
  const raw = requested(req.get('OpenStack-API-Version'), req.get('X-OpenStack-Nova-API-Version'));
  let version: [number, number] = MIN_VERSION;
  let echoed = format(MIN_VERSION);
  if (raw === 'latest') {
    version = MAX_VERSION;
    echoed = format(MAX_VERSION);
  } else if (raw !== undefined) {
    const match = /^([1-9]\d*)\.([1-9]\d*|0)$/.exec(raw);
    if (!match) {
      setHeaders(res, format(MIN_VERSION));
      return novaFault(
        res,
        400,
        `API Version String ${raw} is of invalid format. Must be of format MajorNum.MinorNum.`,
      );
    }
    version = [Number(match[1]), Number(match[2])];
    echoed = raw;
  }
  setHeaders(res, echoed);
  if (compare(version, MIN_VERSION) < 0 || compare(version, MAX_VERSION) > 0) {
    return novaFault(
      res,
      406,
      `Version ${echoed} is not supported by the API. Minimum is ${format(MIN_VERSION)} and maximum is ${format(MAX_VERSION)}.`,
    );
  }
  res.locals.computeVersion = version;
  next();
};

function setHeaders(res: Parameters<RequestHandler>[1], version: string): void {
  res.set('OpenStack-API-Version', `compute ${version}`);
  res.set('X-OpenStack-Nova-API-Version', version);
  res.append('Vary', 'OpenStack-API-Version');
  res.append('Vary', 'X-OpenStack-Nova-API-Version');
}
