/** A link as Cinder writes it (`{"rel": "self", "href": "http://cinder-internal:8776/v3/<project>/volumes/<id>"}`). */
interface Link {
  rel?: unknown;
  href?: unknown;
}

/**
 * Points Cinder's `links` and `<collection>_links` at the console instead of Cinder: an href below
 * `/v3/<project>` (or `/v2/<project>`) becomes the same path below `consoleBase` (the console's own
 * `/api/cinder`, absolute, as the SPA reads markers from it); any other (a bookmark without
 * version, another host's path) is removed. Cinder builds hrefs from its own, often internal,
 * address, which the browser has no business seeing. Returns a new value; the input is not changed.
 */
export function rewriteLinks(value: unknown, projectId: string, consoleBase: string): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteLinks(item, projectId, consoleBase));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] =
      (key === 'links' || key.endsWith('_links')) && Array.isArray(item)
        ? item.flatMap((link: Link) => consoleLink(link, projectId, consoleBase))
        : rewriteLinks(item, projectId, consoleBase);
  }
  return out;
}

function consoleLink(link: Link, projectId: string, consoleBase: string): Link[] {
  if (!link || typeof link !== 'object' || typeof link.href !== 'string') return [];
  let url: URL;
  try {
    url = new URL(link.href);
  } catch {
    return [];
  }
  const below = new RegExp(`/v[23]/${projectId.replace(/[^\w-]/g, '')}(/[^]*)?$`).exec(url.pathname);
  if (!below) return [];
  return [{ ...link, href: `${consoleBase}${below[1] ?? ''}${url.search}` }];
}
