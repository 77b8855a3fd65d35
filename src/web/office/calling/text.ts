import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { calling } from '../../i18n/nb/calling.js';

type KeyOf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : KeyOf<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Plural forms are asked for by their stem, with a `count`. */
type Stem<K extends string> = K extends `${infer B}_one` | `${infer B}_other` ? B : K;

export type CallingKey = Stem<KeyOf<typeof calling>>;
export type CallingTranslate = (
  key: CallingKey,
  values?: Record<string, string | number>,
) => string;

/** The calling screens' texts live in the `calling` namespace (nb, nn, en). */
export function useCallingT(): CallingTranslate {
  const { t } = useTranslation('calling');
  return useCallback(
    (key: CallingKey, values?: Record<string, string | number>) => String(t(key, values ?? {})),
    [t],
  );
}
