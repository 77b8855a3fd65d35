import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { goals } from '../../i18n/nb/goals.js';

type KeyOf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : KeyOf<T[K], `${P}${K}.`>;
}[keyof T & string];

export type GoalsKey = KeyOf<typeof goals>;
export type GoalsTranslate = (key: GoalsKey, values?: Record<string, string | number>) => string;

/** The goals screens' texts: the `goals` namespace. */
export function useGoalsT(): GoalsTranslate {
  const { t } = useTranslation('goals');
  return useCallback(
    (key: GoalsKey, values?: Record<string, string | number>) => String(t(key, values ?? {})),
    [t],
  );
}
