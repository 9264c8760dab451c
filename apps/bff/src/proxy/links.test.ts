import { describe, expect, it } from 'vitest';
import { rewriteLinks } from './links.js';

const project = 'a1b2c3';
const consoleBase = 'https://console.example/api/cinder';

describe("Cinder's links", () => {
  it("point at the console's own address, query included, and those that cannot are dropped", () => {
    const page = {
      volumes: [
        {
          id: 'v1',
          links: [
            { rel: 'self', href: `http://cinder-internal:8776/v3/${project}/volumes/v1` },
            { rel: 'bookmark', href: `http://cinder-internal:8776/${project}/volumes/v1` },
          ],
          metadata: { links: 'not a link list' },
        },
      ],
      volumes_links: [{ rel: 'next', href: `http://10.0.0.5:8776/v3/${project}/volumes/detail?limit=1&marker=v1` }],
    };
    expect(rewriteLinks(page, project, consoleBase)).toEqual({
      volumes: [
        {
          id: 'v1',
          links: [{ rel: 'self', href: `${consoleBase}/volumes/v1` }],
          metadata: { links: 'not a link list' },
        },
      ],
      volumes_links: [{ rel: 'next', href: `${consoleBase}/volumes/detail?limit=1&marker=v1` }],
    });
  });

  it("drops a link below another project's path, or one that is not a URL", () => {
    const body = {
      links: [{ href: 'http://cinder:8776/v3/other/volumes/v1' }, { href: 'not a url' }, { rel: 'x' }, null],
    };
    expect(rewriteLinks(body, project, consoleBase)).toEqual({ links: [] });
  });
});
