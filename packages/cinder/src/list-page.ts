import { z } from 'zod';

export const collectionLinkSchema = z.looseObject({ rel: z.string(), href: z.string() });

/**
 * A page of a Cinder collection: the items under `key`, a `next` link when the page is full, and
 * the total matching `count` when the request said `with_count=true` (3.45+).
 */
export function listPageSchema<K extends string, T extends z.ZodType>(key: K, item: T) {
  return z.looseObject({
    [key]: z.array(item),
    [`${key}_links`]: z.array(collectionLinkSchema).optional(),
    count: z.number().int().optional(),
  } as { [P in K]: z.ZodArray<T> } & Record<`${K}_links`, z.ZodOptional<z.ZodArray<typeof collectionLinkSchema>>> & {
      count: z.ZodOptional<z.ZodNumber>;
    });
}

/** The marker of the `next` link of a page, if there is one. */
export function nextMarker(links: ReadonlyArray<{ rel: string; href: string }> | undefined): string | undefined {
  const next = links?.find((link) => link.rel === 'next');
  return next ? (new URL(next.href).searchParams.get('marker') ?? undefined) : undefined;
}
