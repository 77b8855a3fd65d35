import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { reports } from '../../i18n/nb/reports.js';

type KeyOf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : KeyOf<T[K], `${P}${K}.`>;
}[keyof T & string];

export type ReportsKey = KeyOf<typeof reports>;
export type ReportsTranslate = (
  key: ReportsKey,
  values?: Record<string, string | number>,
) => string;

/** The report page's texts: the `reports` namespace. */
export function useReportsT(): ReportsTranslate {
  const { t } = useTranslation('reports');
  return useCallback(
    (key: ReportsKey, values?: Record<string, string | number>) => String(t(key, values ?? {})),
    [t],
  );
}
