import { expect, it } from 'vitest';
import { column } from './column-builders';

interface Row {
  id: string;
  name: string | null;
  status: string;
  description?: string | null;
  created_at: string;
}

const row: Row = { id: 'v1', name: null, status: 'available', description: null, created_at: '2026-12-06T06:00:00' };

it('gives every kind the same column ids, chooser labels and CSV values', () => {
  const columns = [
    column.name<Row>('Name', 'Unnamed', (r) => `/volumes/${r.id}`, { sortable: true, csv: (r) => r.name ?? '' }),
    column.id<Row>('ID', { hiddenByDefault: true }),
    column.status<Row>('Status', { sortable: true, csv: (r) => r.status }),
    column.description<Row>('Description', 240, { hiddenByDefault: true }),
    column.created<Row>('Created', 'en', { sortable: true, csv: (r) => r.created_at }),
    column.actions<Row>('Actions', () => null),
  ];
  expect(
    columns.map((c) => [c.id, c.meta?.label, c.meta?.sortable ?? false, c.meta?.hiddenByDefault ?? false]),
  ).toEqual([
    ['name', 'Name', true, false],
    ['id', 'ID', false, true],
    ['status', 'Status', true, false],
    ['description', 'Description', false, true],
    ['created', 'Created', true, false],
    ['actions', 'Actions', false, false],
  ]);
  // What the CSV export writes: the id and an empty description without being told; nothing for actions.
  expect(columns.map((c) => c.meta?.csv?.(row))).toEqual(['', 'v1', 'available', '', row.created_at, undefined]);
});
