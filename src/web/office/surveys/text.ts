import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { surveys } from '../../i18n/nb/surveys.js';

type KeyOf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : KeyOf<T[K], `${P}${K}.`>;
}[keyof T & string];

export type SurveysKey = KeyOf<typeof surveys>;
export type SurveysTranslate = (
  key: SurveysKey,
  values?: Record<string, string | number>,
) => string;

/** The survey screens' texts: the `surveys` namespace. */
export function useSurveysT(): SurveysTranslate {
  const { t } = useTranslation('surveys');
  return useCallback(
    (key: SurveysKey, values?: Record<string, string | number>) => String(t(key, values ?? {})),
    [t],
  );
}
