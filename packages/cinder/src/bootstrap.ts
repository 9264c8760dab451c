import { z } from 'zod';
import { capabilitiesSchema } from './capabilities.js';
import { sessionViewSchema } from './session.js';

/**
 * What the BFF writes into `index.html` (a JSON `<script id="bootstrap">`), so the SPA starts with
 * what it would otherwise ask for one call after another: the session (null when signed out) and
 * the cloud's capabilities (null when signed out, or when they could not be read in time).
 */
export const bootstrapSchema = z.object({
  /** The cloud the page was served for, when the console offers several (the one last chosen). */
  cloud: z.string().optional(),
  session: sessionViewSchema.nullable(),
  /** The cloud's single sign-on choices (Keystone WebSSO), so the sign-in page asks for nothing. */
  websso: z.array(z.object({ id: z.string(), label: z.string() })).optional(),
  capabilities: capabilitiesSchema.nullable(),
});
export type Bootstrap = z.infer<typeof bootstrapSchema>;

/** The id of the bootstrap's `<script type="application/json">` element. */
export const BOOTSTRAP_ELEMENT_ID = 'bootstrap';
