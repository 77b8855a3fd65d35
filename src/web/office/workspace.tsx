import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import type { Municipality } from '../../contracts/regions.js';
import { api, type Region } from './api.js';
import { useUser } from './session.js';

/**
 * Which region and municipality the person is working in. An admin picks among every
 * region; others have their own. A host or caller picks among their own municipalities.
 * The choice is kept in this browser; the API still checks every request against the role.
 */
interface WorkspaceValue {
  status: 'loading' | 'ready' | 'failed';
  regions: Region[];
  region: Region | null;
  selectRegion(regionId: string): void;
  /** Municipalities the person may switch between in the current region. */
  municipalities: Municipality[];
  /** null: the whole region (or all of the person's municipalities). */
  municipalityCode: string | null;
  selectMunicipality(code: string | null): void;
}

const WorkspaceContext = createContext<WorkspaceValue | null>(null);
const REGION_KEY = 'flytthit.office.region';
const MUNICIPALITY_KEY = 'flytthit.office.municipality';

function stored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // private mode or storage disabled: the choice lasts until reload
  }
}

/** `idle` while the person must set up a second factor: the API refuses everything else. */
export function WorkspaceProvider({ children, idle }: { children: ReactNode; idle?: boolean }) {
  const user = useUser();
  const [status, setStatus] = useState<WorkspaceValue['status']>('loading');
  const [regions, setRegions] = useState<Region[]>([]);
  const [regionId, setRegionId] = useState<string | null>(stored(REGION_KEY));
  const [municipalityCode, setMunicipalityCode] = useState<string | null>(stored(MUNICIPALITY_KEY));

  useEffect(() => {
    if (idle) return;
    let live = true;
    api.regions
      .list()
      .then((result) => {
        if (!live) return;
        setRegions(result.regions);
        setStatus('ready');
      })
      .catch(() => live && setStatus('failed'));
    return () => {
      live = false;
    };
  }, [idle]);

  const region = useMemo(() => {
    const own = user.regionId ?? regionId;
    return regions.find((r) => r.id === own) ?? regions[0] ?? null;
  }, [regions, regionId, user.regionId]);

  const municipalities = useMemo(() => {
    const all = region?.municipalities ?? [];
    if (user.role === 'admin' || user.role === 'programme_leader') return all;
    return all.filter((m) => user.municipalityCodes.includes(m.code));
  }, [region, user]);

  const selectedCode = municipalities.some((m) => m.code === municipalityCode)
    ? municipalityCode
    : null;

  const selectRegion = useCallback((id: string) => {
    setRegionId(id);
    store(REGION_KEY, id);
    setMunicipalityCode(null);
    store(MUNICIPALITY_KEY, null);
  }, []);

  const selectMunicipality = useCallback((code: string | null) => {
    setMunicipalityCode(code);
    store(MUNICIPALITY_KEY, code);
  }, []);

  const value = useMemo<WorkspaceValue>(
    () => ({
      status,
      regions,
      region,
      selectRegion,
      municipalities,
      municipalityCode: selectedCode,
      selectMunicipality,
    }),
    [status, regions, region, selectRegion, municipalities, selectedCode, selectMunicipality],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace outside WorkspaceProvider');
  return value;
}
