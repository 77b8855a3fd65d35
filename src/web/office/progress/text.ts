import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { progress } from '../../i18n/nb/progress.js';

type KeyOf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : KeyOf<T[K], `${P}${K}.`>;
}[keyof T & string];

export type ProgressKey = KeyOf<typeof progress>;
export type ProgressTranslate = (
  key: ProgressKey,
  values?: Record<string, string | number>,
) => string;

/** The live progress screen's texts: the `progress` namespace. */
export function useProgressT(): ProgressTranslate {
  const { t } = useTranslation('progress');
  return useCallback(
    (key: ProgressKey, values?: Record<string, string | number>) => String(t(key, values ?? {})),
    [t],
  );
}
