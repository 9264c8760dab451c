import type { RequestHandler } from 'express';
import { HttpError } from '../errors.js';

/**
 * Deepest nesting a body forwarded upstream may have. Cinder's own bodies nest four levels at most
 * (`{"volume": {"metadata": {...}}}`); a parsed body much deeper than that is only an attack, and
 * writing it back upstream (JSON.stringify recurses) would exhaust the stack and end as a false
 * "Cinder cannot be reached".
 */
const MAX_BODY_DEPTH = 32;

/** How deep `value` nests, counted without recursion so that the count itself cannot overflow. */
function nestingDepth(value: unknown, stopAfter = MAX_BODY_DEPTH + 1): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest >= stopAfter) return deepest;
    for (const child of Object.values(item)) stack.push([child, level]);
  }
  return deepest;
}

/** Refuses a parsed body that nests deeper than {@link MAX_BODY_DEPTH}, naming the limit. */
export const refuseDeepBodies: RequestHandler = (req, _res, next) => {
  if (nestingDepth(req.body) > MAX_BODY_DEPTH) {
    throw new HttpError(400, 'bodyTooDeep', `The request body nests deeper than ${MAX_BODY_DEPTH} levels.`);
  }
  next();
};
