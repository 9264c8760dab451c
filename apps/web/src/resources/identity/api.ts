import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '../../lib/api-client';
import { useCloudAbilities } from '../../lib/capabilities';

const projectsSchema = z.object({
  projects: z.array(z.object({ id: z.string(), name: z.string(), domainId: z.string().nullable() })),
});

/** Every project of the cloud (admins only: the BFF's `GET /api/identity/projects`). */
export const identityQueries = {
  projects: () =>
    queryOptions({
      queryKey: ['identity', 'projects'] as const,
      queryFn: ({ signal }) => apiJson('/api/identity/projects', projectsSchema, { signal }),
      select: (body) => body.projects,
      staleTime: 5 * 60_000,
    }),
};

/**
 * Project names by id, for admin views that show other projects' resources. Empty for members,
 * who see only their own project and may not list the others.
 */
export function useProjectNames(): Map<string, string> {
  const abilities = useCloudAbilities();
  const { data } = useQuery({ ...identityQueries.projects(), enabled: abilities?.admin === true });
  return new Map((data ?? []).map((project) => [project.id, project.name]));
}
