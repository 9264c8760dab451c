import { z } from 'zod';

/** Fields many request bodies share, with Cinder's limits. */

/**
 * A name of only spaces would be stored as a blank-looking name; it is refused so that what the user
 * typed is never quietly turned into "no name". `params.i18n` names the console's message for it.
 */
export const name = z
  .string()
  .max(255, 'at most 255 characters')
  .refine((value) => value === '' || value.trim() !== '', {
    message: 'must not be only spaces',
    params: { i18n: 'onlySpaces' },
  })
  .nullable()
  .optional();
export const description = z.string().max(255, 'at most 255 characters').nullable().optional();
export const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i, 'must be a UUID');
