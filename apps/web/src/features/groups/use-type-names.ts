import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { groupTypeQueries } from '../../resources/group-types/api';
import { projectQueries } from '../../resources/project/api';

/** Group type and volume type names by id, for the ids a group lists. */
export function useTypeNames() {
  const groupTypes = useQuery(groupTypeQueries.list(false));
  const volumeTypes = useQuery(projectQueries.volumeTypes());
  return useMemo(
    () => ({
      groupTypes: new Map((groupTypes.data ?? []).map((type) => [type.id, type.name])),
      volumeTypes: new Map((volumeTypes.data ?? []).map((type) => [type.id, type.name])),
    }),
    [groupTypes.data, volumeTypes.data],
  );
}
