import { describe, expect, it } from 'vitest';
import { toCsv, type CsvColumn } from './csv';

interface Row {
  name: string | null;
  size: number;
}
const columns: CsvColumn<Row>[] = [
  { header: 'Name', value: (row) => row.name },
  { header: 'Size', value: (row) => row.size },
];
const csv = (rows: Row[]) => toCsv(rows, columns);

describe('toCsv', () => {
  it('writes a header line and one CRLF-ended line per row', () => {
    expect(csv([{ name: 'db', size: 10 }])).toBe('Name,Size\r\ndb,10\r\n');
  });

  it('quotes cells with commas, quotes or line breaks, doubling the quotes (RFC 4180)', () => {
    expect(csv([{ name: 'a,b', size: 1 }])).toBe('Name,Size\r\n"a,b",1\r\n');
    expect(csv([{ name: 'say "hi"', size: 1 }])).toBe('Name,Size\r\n"say ""hi""",1\r\n');
    expect(csv([{ name: 'two\nlines', size: 1 }])).toBe('Name,Size\r\n"two\nlines",1\r\n');
  });

  it('writes a missing value as an empty cell', () => {
    expect(csv([{ name: null, size: 1 }])).toBe('Name,Size\r\n,1\r\n');
  });

  // A volume name typed by any tenant ends up in an admin's spreadsheet: it must stay text.
  it.each(['=HYPERLINK("http://evil")', '+1+cmd|x', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'])(
    'neutralises a cell that a spreadsheet would run as a formula: %j',
    (name) => {
      const line = csv([{ name, size: 1 }]).split('\r\n')[1]!;
      const cell = line.startsWith('"') ? line.slice(1) : line;
      expect(cell.startsWith(`'`)).toBe(true);
      expect(cell).toContain(name.replaceAll('"', '""'));
    },
  );

  it('leaves ordinary text alone, a minus or equals sign inside a value included', () => {
    expect(csv([{ name: 'db-1=primary', size: 20 }]).split('\r\n')[1]).toBe('db-1=primary,20');
  });
});
