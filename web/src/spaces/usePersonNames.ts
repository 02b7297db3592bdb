import { useEffect, useState } from 'react';
import { api } from '../api/endpoints';

// Names change rarely; one lookup per person per page load is enough.
const cache = new Map<string, Promise<string | null>>();

function nameOf(personId: string): Promise<string | null> {
  let pending = cache.get(personId);
  if (!pending) {
    pending = api.person(personId).then((p) => p.name, () => null);
    cache.set(personId, pending);
  }
  return pending;
}

/** Display names (as the caller may see them) for the given person ids, filled in as they arrive. */
export function usePersonNames(ids: readonly (string | null)[]): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const wanted = [...new Set(ids.filter((id): id is string => !!id))].sort().join(',');

  useEffect(() => {
    let current = true;
    const list = wanted ? wanted.split(',') : [];
    void Promise.all(list.map(async (id) => [id, await nameOf(id)] as const)).then((pairs) => {
      if (current) setNames(new Map(pairs.filter((p): p is readonly [string, string] => p[1] !== null)));
    });
    return () => { current = false; };
  }, [wanted]);

  return names;
}
