import { useQueries } from '@tanstack/react-query';
import { queries } from '../api/queries';

/**
 * Display names (as the caller may see them) for the given person ids, filled in as they arrive. Each lookup is one
 * cached query (names change rarely), so a person named on several pages is asked for once; a failed lookup leaves
 * the id unnamed.
 */
export function usePersonNames(ids: readonly (string | null)[]): ReadonlyMap<string, string> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  return useQueries({
    queries: wanted.map((id) => queries.person(id)),
    combine: namesOf,
  });
}

function namesOf(results: { data?: { id: string; name: string } }[]): ReadonlyMap<string, string> {
  return new Map(results.flatMap((r) => (r.data ? [[r.data.id, r.data.name] as const] : [])));
}
