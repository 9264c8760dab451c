import { beforeAll } from 'vitest';

/**
 * jsdom lacks the layout APIs Mantine and the virtualiser use (`matchMedia`, `ResizeObserver`);
 * these stand-ins report nothing. Also tells React that the tests drive it through `act`.
 */
export function standInForLayout(): void {
  beforeAll(() => {
    window.matchMedia ??= ((query: string) => ({
      matches: false,
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    })) as unknown as typeof window.matchMedia;
    window.ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  });
}
