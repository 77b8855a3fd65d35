import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobsKey, JobsTranslate } from '../../site/jobs/text.js';

/** The jobs screen's texts: the `jobs` namespace the public pages use too. */
export function useJobsT(): JobsTranslate {
  const { t } = useTranslation('jobs');
  return useCallback(
    (key: JobsKey, values?: Record<string, string | number>) => String(t(key, values ?? {})),
    [t],
  );
}
