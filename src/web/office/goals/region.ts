import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, type Region } from '../api.js';
import { useUser } from '../session.js';

/**
 * The region the goals screens work in: a programme leader's own; an administrator picks one
 * (kept in `?region=` so the links between the goals screens keep it).
 */
export function useGoalsRegion() {
  const user = useUser();
  const isAdmin = user.role === 'admin';
  const [params, setParams] = useSearchParams();
  const [regions, setRegions] = useState<Region[]>([]);
  useEffect(() => {
    if (isAdmin) void api.regions.list().then((r) => setRegions(r.regions));
  }, [isAdmin]);
  const region = isAdmin ? (params.get('region') ?? regions[0]?.id) : undefined;
  const choose = (id: string) => setParams({ region: id });
  /** A link to another goals screen that keeps the administrator's region. */
  const to = (path: string) => (isAdmin && region ? `${path}?region=${region}` : path);
  return { isAdmin, region, regions, choose, ready: !isAdmin || region !== undefined, to };
}
