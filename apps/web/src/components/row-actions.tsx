import { createContext, useContext, type ReactNode } from 'react';
import type { MenuAction } from './action-menu';

/**
 * The actions of a table's rows, worked out once for the page rather than once per row. A kind's
 * menu hook (its gates, translations and mutations) is a dozen hooks deep; called in every row it
 * was most of the cost of drawing a page of 50 volumes, in the browser and in the first paint
 * alike. The page runs the hook once (`Provider`) and each row's menu reads the result. Only for
 * hooks that keep nothing per row (no state of their own): their mutations report through
 * hook-level callbacks, which fire for every row's call.
 */
export function rowActions<T>(useActionsOf: () => (item: T) => MenuAction[]) {
  const Actions = createContext<((item: T) => MenuAction[]) | null>(null);
  function Provider({ children }: { children: ReactNode }) {
    return <Actions.Provider value={useActionsOf()}>{children}</Actions.Provider>;
  }
  function useRowActions(): (item: T) => MenuAction[] {
    const actionsOf = useContext(Actions);
    if (!actionsOf) throw new Error('A row menu was drawn outside its page’s row actions.');
    return actionsOf;
  }
  return { Provider, useRowActions };
}
