import { FIRST_LIST_ELEMENT_ID, firstListSchema } from '@cinder-console/cinder';

/** Finds the answer to a GET of `path` that came with the page, if any. */
export type CarriedAnswers = (path: string) => unknown;

/**
 * The page's first list call, answered in the document itself (apps/bff/src/first-paint.ts): the
 * BFF made it while serving the page and drew the rows from it. The app takes it once, for its own
 * first call of the same path, so it starts with the rows already on screen and asks Cinder nothing
 * more; every later call of that path goes to the network as usual.
 */
function fromThisPage(): CarriedAnswers {
  let first: { path: string; body: unknown } | undefined;
  try {
    const text = document.getElementById(FIRST_LIST_ELEMENT_ID)?.textContent;
    first = text ? firstListSchema.safeParse(JSON.parse(text)).data : undefined;
  } catch {
    // Not JSON: the app asks the API, as it would without it.
  }
  return (path) => {
    if (!first || first.path !== path) return undefined;
    const { body } = first;
    first = undefined;
    return body;
  };
}

let carried: CarriedAnswers | undefined;

/** The answer to a GET of `path` that the page carries, taken (so given once); undefined if none. */
export function takeCarriedAnswer(path: string): unknown {
  carried ??= typeof document === 'undefined' ? () => undefined : fromThisPage();
  return carried(path);
}

/**
 * Where answers come from when the app is drawn on the server (first-paint/render.tsx): there each
 * render has its own, which the render's lookup finds by its own request.
 */
export function carryAnswersFrom(lookup: CarriedAnswers): void {
  carried = lookup;
}
