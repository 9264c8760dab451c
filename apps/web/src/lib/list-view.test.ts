import { act, createElement, useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useListView, type ListViewControls } from './list-view';

// The hook builds each change on `window.location.search`, as the app's browser router keeps it,
// so the table is rendered under a browser router (jsdom's history), not a memory router. The
// route has a loader, so that navigations finish asynchronously as the hook expects of the app's.

const FILTER_KEYS = ['name', 'status'];
const SORT_KEYS = ['name', 'created'];

let controls: ListViewControls | undefined;
const report = (latest: ListViewControls) => {
  controls = latest;
};
function Table() {
  const list = useListView(FILTER_KEYS, SORT_KEYS);
  useEffect(() => report(list));
  return null;
}

let root: Root | undefined;
let router: ReturnType<typeof createBrowserRouter> | undefined;

/** Opens the table at `address`, as a pasted link would. */
async function open(address: string): Promise<ListViewControls> {
  window.history.replaceState(null, '', address);
  router = createBrowserRouter([
    { path: '/volumes', Component: Table, loader: async () => null, HydrateFallback: () => null },
  ]);
  root = createRoot(document.body.appendChild(document.createElement('div')));
  await act(async () => root!.render(createElement(RouterProvider, { router: router! })));
  return controls!;
}

/** What the user does on the table, and the table as it then shows. */
async function user(action: (list: ListViewControls) => void): Promise<ListViewControls> {
  await act(async () => action(controls!));
  return controls!;
}

/** The user's Back button. */
async function back(): Promise<ListViewControls> {
  await act(
    () =>
      new Promise<void>((resolve) => {
        window.addEventListener('popstate', () => setTimeout(resolve), { once: true });
        window.history.back();
      }),
  );
  return controls!;
}

/** The address bar's query, which a copied link carries. */
const address = () => Object.fromEntries(new URLSearchParams(window.location.search));

beforeAll(() => {
  // The tests drive React through `act`.
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

afterEach(() => {
  act(() => root?.unmount());
  router?.dispose();
  root = undefined;
  router = undefined;
  controls = undefined;
});

describe('a table’s view, read from its address', () => {
  it('reads page size, order, filters, page and hidden columns from a link', async () => {
    const list = await open('/volumes?size=20&sort=name:asc&status=available&marker=v-20&hide=az,encrypted');
    expect(list.view).toEqual({
      pageSize: 20,
      marker: 'v-20',
      sort: { key: 'name', dir: 'asc' },
      filters: { status: 'available' },
      hiddenColumns: ['az', 'encrypted'],
    });
  });

  it('shows the first page in the default view when the link says nothing', async () => {
    const list = await open('/volumes');
    expect(list.view).toEqual({
      pageSize: 50,
      marker: undefined,
      sort: undefined,
      filters: {},
      hiddenColumns: undefined,
    });
    expect(list.pageNumber).toBe(1);
    expect(list.hasPrevious).toBe(false);
  });

  it('ignores what the table does not offer: other page sizes, unsortable columns, unknown or empty filters', async () => {
    const list = await open('/volumes?size=30&sort=size:asc&project=p2&status=');
    expect(list.view.pageSize).toBe(50);
    expect(list.view.sort).toBeUndefined();
    expect(list.view.filters).toEqual({});
  });

  it('tells "no column hidden" apart from "the link does not say"', async () => {
    expect((await open('/volumes?hide=')).view.hiddenColumns).toEqual([]);
  });
});

describe('changing the view in the address', () => {
  it('goes back to the first page when a filter changes, keeping the order', async () => {
    await open('/volumes?sort=name:asc&marker=v-50');
    let list = await user((table) => table.setFilter('status', 'error'));
    expect(address()).toEqual({ sort: 'name:asc', status: 'error' });
    expect(list.view.filters).toEqual({ status: 'error' });
    expect(list.pageNumber).toBe(1);

    list = await user((table) => table.setFilter('status', undefined));
    expect(address()).toEqual({ sort: 'name:asc' });
    expect(list.view.filters).toEqual({});
  });

  it('does not add a Back step for each filter change', async () => {
    await open('/volumes');
    const before = window.history.length;
    await user((table) => table.setFilter('name', 'd'));
    await user((table) => table.setFilter('name', 'db'));
    expect(window.history.length).toBe(before);
    expect(address()).toEqual({ name: 'db' });
  });

  it('goes back to the first page when the order or the page size changes, keeping the filters', async () => {
    await open('/volumes?status=available&marker=v-50');
    let list = await user((table) => table.setSort({ key: 'created', dir: 'desc' }));
    expect(address()).toEqual({ status: 'available', sort: 'created:desc' });
    expect(list.view.sort).toEqual({ key: 'created', dir: 'desc' });

    await user((table) => table.nextPage('v-50'));
    list = await user((table) => table.setPageSize(100));
    expect(address()).toEqual({ status: 'available', sort: 'created:desc', size: '100' });
    expect(list.view.marker).toBeUndefined();

    list = await user((table) => table.setSort(undefined));
    expect(address()).toEqual({ status: 'available', size: '100' });
    expect(list.view.sort).toBeUndefined();
  });

  it('keeps the page when columns are hidden', async () => {
    await open('/volumes');
    await user((table) => table.nextPage('v-50'));
    const list = await user((table) => table.setHiddenColumns(['az', 'encrypted']));
    expect(address()).toEqual({ marker: 'v-50', hide: 'az,encrypted' });
    expect(list.view.hiddenColumns).toEqual(['az', 'encrypted']);
    expect(list.pageNumber).toBe(2);
  });

  it('keeps both of two quick changes made before the address bar caught up', async () => {
    await open('/volumes');
    const list = await user((table) => {
      table.setFilter('status', 'error');
      table.setSort({ key: 'name', dir: 'asc' });
    });
    expect(address()).toEqual({ status: 'error', sort: 'name:asc' });
    expect(list.view).toMatchObject({ filters: { status: 'error' }, sort: { key: 'name', dir: 'asc' } });
  });
});

describe('paging forward and back through markers', () => {
  it('counts pages forward and returns to each earlier page’s marker', async () => {
    await open('/volumes?status=available');
    let list = await user((table) => table.nextPage('v-50'));
    expect(address()).toEqual({ status: 'available', marker: 'v-50' });
    expect(list).toMatchObject({ pageNumber: 2, hasPrevious: true });

    list = await user((table) => table.nextPage('v-100'));
    expect(address()).toEqual({ status: 'available', marker: 'v-100' });
    expect(list.pageNumber).toBe(3);

    list = await user((table) => table.previousPage());
    expect(address()).toEqual({ status: 'available', marker: 'v-50' });
    expect(list.pageNumber).toBe(2);

    list = await user((table) => table.previousPage());
    expect(address()).toEqual({ status: 'available' });
    expect(list).toMatchObject({ pageNumber: 1, hasPrevious: false });
  });

  it('jumps to the first page, keeping filters and order', async () => {
    await open('/volumes?status=available&sort=name:asc');
    await user((table) => table.nextPage('v-50'));
    await user((table) => table.nextPage('v-100'));
    const list = await user((table) => table.firstPage());
    expect(address()).toEqual({ status: 'available', sort: 'name:asc' });
    expect(list).toMatchObject({ pageNumber: 1, hasPrevious: false });
  });

  it('cannot number a page opened mid-way by a link, and "previous" from it leads to the first page', async () => {
    let list = await open('/volumes?marker=v-100');
    expect(list).toMatchObject({ pageNumber: undefined, hasPrevious: true });
    list = await user((table) => table.previousPage());
    expect(address()).toEqual({});
    expect(list).toMatchObject({ pageNumber: 1, hasPrevious: false });
  });

  it('keeps the page number and the page when the browser’s Back button returns to an earlier page', async () => {
    await open('/volumes');
    await user((table) => table.nextPage('v-50'));
    await user((table) => table.nextPage('v-100'));
    let list = await back();
    expect(address()).toEqual({ marker: 'v-50' });
    expect(list.pageNumber).toBe(2);

    list = await user((table) => table.setHiddenColumns(['az']));
    expect(address()).toEqual({ marker: 'v-50', hide: 'az' });
    expect(list.pageNumber).toBe(2);

    list = await user((table) => table.previousPage());
    expect(address()).toEqual({ hide: 'az' });
    expect(list.pageNumber).toBe(1);
  });
});
