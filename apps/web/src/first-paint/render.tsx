/// <reference types="node" />
/**
 * The first paint: the page a signed-in user opens, drawn by the BFF with the app's own components
 * from the answer to the page's first list call, so its rows are in the document itself rather
 * than after the app's code has run. Built for Node (`vite build --ssr`, apps/web/dist-ssr) and
 * loaded by apps/bff/src/first-paint.ts. The app then starts in the browser as it always does and
 * draws the same page over it (main.tsx); the drawing here is never hydrated, so it need not match
 * to the byte, and nothing in it is interactive (the BFF marks it inert).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FirstList, FirstPaintRequest } from '@cinder-console/cinder';
import { microversionFeatures } from '@cinder-console/cinder';
import { QueryClient } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom';
import { Providers } from '../app/providers';
import { PAGES, type PageModule } from '../app/route-modules';
import { routes } from '../app/routes';
import { capabilitiesQuery } from '../lib/capabilities';
import { carryAnswersFrom } from '../lib/carried-answers';
import { showDatesIn } from '../lib/format';
import i18n, { loadLaterCatalogues } from '../lib/i18n';
import { sessionQueries } from '../resources/session/api';

/** Each render's carried answers; renders of several users' pages overlap, and must never mix. */
const renderAnswers = new AsyncLocalStorage<FirstList>();
carryAnswersFrom((path) => {
  const answer = renderAnswers.getStore();
  return answer?.path === path ? answer.body : undefined;
});

/** The markup of the page at `url`, or undefined when this page has no first paint (not a list page). */
export function renderFirstPaint(request: FirstPaintRequest): Promise<string | undefined> {
  return renderAnswers.run(request.firstList, async () => {
    const handler = createStaticHandler(routes);
    const context = await handler.query(new Request(new URL(request.url, 'http://console')));
    if (context instanceof Response) return undefined;
    const pagePath = context.matches.at(-1)?.route.path;
    const load = pagePath ? (PAGES as Record<string, () => Promise<PageModule>>)[pagePath] : undefined;
    const page = await load?.();
    if (!page?.prefetch) return undefined;

    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    queryClient.setQueryData(sessionQueries.all(), request.session);
    queryClient.setQueryData(capabilitiesQuery().queryKey, request.capabilities);
    await page.prefetch(queryClient, new URL(request.url, 'http://console').search);
    const [, language] = await Promise.all([loadLaterCatalogues(), languageOf(request.language)]);

    // From here to the end all is synchronous: no other render can change the zone in between.
    showDatesIn(request.timeZone);
    const markup = renderToString(
      <I18nextProvider i18n={language}>
        <Providers queryClient={queryClient} getStyleNonce={() => request.nonce}>
          <StaticRouterProvider
            router={createStaticRouter(handler.dataRoutes, context)}
            context={context}
            hydrate={false}
          />
        </Providers>
      </I18nextProvider>,
    );
    showDatesIn(undefined);
    return markup;
  });
}

/** An i18next instance in `language`, sharing the app's catalogues (loaded once, kept). */
async function languageOf(language: string) {
  const instance = i18n.cloneInstance({ lng: language });
  await instance.changeLanguage(language);
  return instance;
}

/** Someone's volumes page with no volumes: all the warm-up needs to go through a real drawing. */
const WARM_UP_LIST = '/api/cinder/volumes/detail?limit=50';
const WARM_UP: FirstPaintRequest = {
  url: '/volumes',
  session: {
    user: { id: 'warm-up', name: 'warm-up', domain: 'Default' },
    project: { id: 'warm-up', name: 'warm-up' },
    projects: [],
    roles: ['member'],
    region: null,
    regions: [],
    expiresAt: new Date(0).toISOString(),
    idleExpiresAt: new Date(0).toISOString(),
    csrfToken: '',
    volumeApi: { major: 3, microversion: null },
    authMethod: 'password',
  },
  capabilities: {
    volumeApi: { major: 3, microversion: null },
    features: { ...microversionFeatures(null), images: false, vendorRollback: false, backupService: true },
    admin: false,
  },
  firstList: { path: WARM_UP_LIST, body: { volumes: [] } },
  language: 'en',
  timeZone: 'UTC',
  nonce: 'warm-up',
};

/**
 * Draws an empty volumes page, as a thread of the BFF's starts (apps/bff/src/first-paint.ts): a
 * thread's first page takes several times longer than the next, while its code is compiled, and
 * no user should wait for that. True when the page was drawn.
 */
export async function warmUp(): Promise<boolean> {
  return (await renderFirstPaint(WARM_UP)) !== undefined;
}
