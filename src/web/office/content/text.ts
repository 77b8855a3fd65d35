import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { content } from '../../i18n/nb/content.js';

type KeyOf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : KeyOf<T[K], `${P}${K}.`>;
}[keyof T & string];

export type ContentKey = KeyOf<typeof content>;
export type ContentTranslate = (
  key: ContentKey,
  values?: Record<string, string | number>,
) => string;

/** The content screens' texts: the `content` namespace. */
export function useContentT(): ContentTranslate {
  const { t } = useTranslation('content');
  return useCallback(
    (key: ContentKey, values?: Record<string, string | number>) => String(t(key, values ?? {})),
    [t],
  );
}
