import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessKey } from '../../site/business/text.js';

export type BusinessTranslate = (
  key: BusinessKey,
  values?: Record<string, string | number>,
) => string;

/** The business screens' texts: the `business` namespace. */
export function useBusinessT(): BusinessTranslate {
  const { t } = useTranslation('business');
  return useCallback(
    (key: BusinessKey, values?: Record<string, string | number>) => String(t(key, values ?? {})),
    [t],
  );
}
