import { MantineProvider } from '@mantine/core';
import { act, Profiler } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, expect, it } from 'vitest';
import { ResourceTable } from './resource-table';
import { standInForLayout } from '../../test-support/jsdom-layout';

standInForLayout();

const containers: HTMLElement[] = [];
afterEach(() => containers.splice(0).forEach((container) => container.remove()));

it('a table still loading stays still when the page around it renders again, instead of re-rendering itself in a loop', async () => {
  let commits = 0;
  const container = document.body.appendChild(document.createElement('div'));
  containers.push(container);
  const root = createRoot(container);
  const table = () => (
    <MantineProvider>
      <Profiler id="table" onRender={() => commits++}>
        <ResourceTable<{ id: string }>
          label="Volumes"
          data={undefined}
          columns={[{ id: 'name', header: 'Name', cell: () => 'x' }]}
          getRowId={(row) => row.id}
          getRowLabel={(row) => row.id}
          isLoading
          error={null}
          errorTitle="Could not load"
          emptyMessage="None"
          sort={undefined}
          onSortChange={() => undefined}
          hiddenColumns={[]}
        />
      </Profiler>
    </MantineProvider>
  );
  await act(async () => root.render(table()));
  // The page around it renders again (another of its queries answered, say).
  await act(async () => root.render(table()));
  const settled = commits;
  // A loading table that keeps updating itself would keep committing while we wait.
  await act(async () => new Promise((resolve) => setTimeout(resolve, 200)));
  expect(container.querySelector('table')?.getAttribute('aria-busy')).toBe('true');
  expect(commits - settled).toBe(0);
  act(() => root.unmount());
});
