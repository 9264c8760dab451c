import { describe, expect, it } from 'vitest';
import { HOME_PATH, loginPathFor, safeNext } from './console-paths.js';

const ORIGIN = 'https://console.example';

describe('the return target after signing in', () => {
  it('keeps a path of this site with its search and hash', () => {
    expect(safeNext('/volumes?status=error&sort=name:asc#top', ORIGIN)).toBe('/volumes?status=error&sort=name:asc#top');
    expect(safeNext('/volumes/1234', ORIGIN)).toBe('/volumes/1234');
  });

  it.each([
    null,
    undefined,
    ['/volumes'],
    '',
    'volumes',
    '//evil.example/path',
    '/\\evil.example',
    '/\\/evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    ' /volumes',
    '/login',
    '/login?next=/volumes',
    `/volumes?name=${'x'.repeat(2048)}`,
  ])('refuses %j and goes home instead', (next) => {
    expect(safeNext(next, ORIGIN)).toBe(HOME_PATH);
  });

  it('builds a login address that leads back', () => {
    expect(loginPathFor('/backups?status=error')).toBe('/login?next=%2Fbackups%3Fstatus%3Derror');
    expect(loginPathFor('/backups', 'expired')).toBe('/login?next=%2Fbackups&reason=expired');
  });
});
