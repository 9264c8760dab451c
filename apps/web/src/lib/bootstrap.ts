import { BOOTSTRAP_ELEMENT_ID, bootstrapSchema, type Bootstrap } from '@cinder-console/cinder';

let read: Bootstrap | null | undefined;

/**
 * What the BFF wrote into this page (apps/bff/src/bootstrap.ts): the session and capabilities as
 * they were when the page was served, so the app starts without asking for them. Undefined when the
 * page has none (the Vite dev server) or it does not parse; the app then asks the API as usual.
 * Read once: it describes the page load, not whatever the session becomes later.
 */
export function pageBootstrap(): Bootstrap | undefined {
  if (read === undefined) {
    const text = document.getElementById(BOOTSTRAP_ELEMENT_ID)?.textContent;
    let parsed: Bootstrap | null = null;
    try {
      parsed = text ? (bootstrapSchema.safeParse(JSON.parse(text)).data ?? null) : null;
    } catch {
      // Not JSON: ask the API instead.
    }
    read = parsed;
  }
  return read ?? undefined;
}
