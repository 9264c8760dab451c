import { z } from 'zod';
import { capabilitiesSchema, type Capabilities } from './capabilities.js';
import { sessionViewSchema, type SessionView } from './session.js';

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

/**
 * The answer to the page's first list call (the `path` the SPA asks, as `/api/cinder/...`), which
 * the BFF made while it served the page and rendered the page's rows from. The SPA takes it for
 * its own first call of that path, so the rows it shows are the ones already on screen.
 */
export const firstListSchema = z.object({ path: z.string(), body: z.unknown() });
export type FirstList = z.infer<typeof firstListSchema>;

/** The id of the first list's `<script type="application/json">` element, at the end of `<body>`. */
export const FIRST_LIST_ELEMENT_ID = 'first-list';

/** What the BFF gives the first paint's renderer (apps/web/src/first-paint/render.tsx) for one page. */
export interface FirstPaintRequest {
  /** The page's path and query, as the browser asked for it. */
  url: string;
  session: SessionView;
  capabilities: Capabilities;
  /** The answer to the page's first list call. */
  firstList: FirstList;
  /** `en` or `zh-CN`: the user's last choice, or the browser's language. */
  language: string;
  /** The browser's time zone, when it told (an IANA name). */
  timeZone: string | undefined;
  /** The response's CSP nonce, for the `<style>` Mantine writes. */
  nonce: string;
}
