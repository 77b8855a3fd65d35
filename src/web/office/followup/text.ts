import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { followup } from '../../i18n/nb/followup.js';

type KeyOf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : KeyOf<T[K], `${P}${K}.`>;
}[keyof T & string];

export type FollowupKey = KeyOf<typeof followup>;
export type FollowupTranslate = (
  key: FollowupKey,
  values?: Record<string, string | number>,
) => string;

/** The follow-up screens' texts: the `followup` namespace. */
export function useFollowupT(): FollowupTranslate {
  const { t } = useTranslation('followup');
  return useCallback(
    (key: FollowupKey, values?: Record<string, string | number>) => String(t(key, values ?? {})),
    [t],
  );
}
