import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { privacy } from '../../i18n/nb/privacy.js';

type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

export type PrivacyKey = Paths<typeof privacy>;
export type PrivacyTranslate = (
  key: PrivacyKey,
  values?: Record<string, string | number>,
) => string;

/** The privacy screen's texts: the `privacy` namespace, shared with the server's PDFs. */
export function usePrivacyT(): PrivacyTranslate {
  const { t } = useTranslation('privacy');
  return useCallback(
    (key: PrivacyKey, values?: Record<string, string | number>) => String(t(key, values ?? {})),
    [t],
  );
}
