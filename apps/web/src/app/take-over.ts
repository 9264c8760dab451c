import type { QueryClient } from '@tanstack/react-query';
import type { DataRouter } from 'react-router-dom';
import i18n from '../lib/i18n';
import { PAGES, type PageModule } from './route-modules';

/** How long the app waits to replace the first paint in one step before it starts anyway. */
const TAKE_OVER_WAIT_MS = 3000;

/** Whether the BFF sent the page drawn with its rows (apps/bff/src/first-paint.ts). */
export function hasFirstPaint(): boolean {
  return document.querySelector('#root > .first-paint') !== null;
}

/**
 * Waits until the app's first render can show what the first paint shows: the route's code loaded,
 * its list in the cache (taken from the answer the page carries, lib/carried-answers.ts), and the
 * language's strings there. React then replaces the picture with the same page in one commit; drawn
 * any earlier, the page's loader would flash in between.
 */
export function readyToTakeOver(router: DataRouter, queryClient: QueryClient): Promise<void> {
  // Whatever holds it up, the app starts: a picture that takes no click must not stay for good.
  const late = new Promise<void>((resolve) => setTimeout(resolve, TAKE_OVER_WAIT_MS));
  return Promise.race([ready(router, queryClient), late]);
}

async function ready(router: DataRouter, queryClient: QueryClient): Promise<void> {
  await new Promise<void>((resolve) => {
    if (router.state.initialized) return resolve();
    const stop = router.subscribe((state) => {
      if (!state.initialized) return;
      stop();
      resolve();
    });
  });
  const path = router.state.matches.at(-1)?.route.path;
  const load = path ? (PAGES as Record<string, () => Promise<PageModule>>)[path] : undefined;
  const page = await load?.().catch(() => undefined);
  await Promise.all([page?.prefetch?.(queryClient, router.state.location.search), i18n.loadLanguages(i18n.language)]);
}
