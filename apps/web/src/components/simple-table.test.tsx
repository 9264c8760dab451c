import { MantineProvider } from '@mantine/core';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, expect, it } from 'vitest';
import { SimpleTable } from './simple-table';
import { standInForLayout } from '../test-support/jsdom-layout';

standInForLayout();

const containers: HTMLElement[] = [];
afterEach(() => containers.splice(0).forEach((container) => container.remove()));

async function render(node: React.ReactNode): Promise<HTMLElement> {
  const container = document.body.appendChild(document.createElement('div'));
  containers.push(container);
  await act(async () => createRoot(container).render(<MantineProvider>{node}</MantineProvider>));
  return container;
}

interface Credential {
  id: string;
  name: string;
  roles: string[];
}

const rows: Credential[] = [
  { id: 'c1', name: 'backup-job', roles: ['member'] },
  { id: 'c2', name: 'ci', roles: ['reader', 'member'] },
];

it('names its table, heads each column and lets the naming cell head its row, leaving out columns that do not apply', async () => {
  const container = await render(
    <SimpleTable
      label="Application credentials"
      rows={rows}
      rowKey={(row) => row.id}
      columns={[
        { id: 'name', header: 'Name', rowHeader: true, cell: (row) => row.name },
        { id: 'roles', header: 'Roles', cell: (row) => row.roles.join(', ') },
        false,
        { id: 'id', header: 'ID', mono: true, cell: (row) => row.id },
      ]}
    />,
  );
  const table = container.querySelector('table')!;
  expect(table.getAttribute('aria-label')).toBe('Application credentials');
  const headers = [...table.querySelectorAll('thead th')];
  expect(headers.map((th) => [th.textContent, th.getAttribute('scope')])).toEqual([
    ['Name', 'col'],
    ['Roles', 'col'],
    ['ID', 'col'],
  ]);
  const body = [...table.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.children].map((cell) => `${cell.tagName}:${cell.getAttribute('scope') ?? ''}:${cell.textContent}`),
  );
  expect(body).toEqual([
    ['TH:row:backup-job', 'TD::member', 'TD::c1'],
    ['TH:row:ci', 'TD::reader, member', 'TD::c2'],
  ]);
});

it('scrolls sideways inside its own box when given a minimum width, instead of widening the page', async () => {
  const container = await render(
    <SimpleTable
      labelledBy="pools"
      minWidth={900}
      rows={rows}
      rowKey={(row) => row.id}
      columns={[{ id: 'name', header: 'Name', cell: (row) => row.name }]}
    />,
  );
  const table = container.querySelector('table')!;
  expect(table.getAttribute('aria-labelledby')).toBe('pools');
  expect(table.parentElement?.closest('.mantine-Table-scrollContainer, [class*="scrollContainer"]')).not.toBeNull();
});
