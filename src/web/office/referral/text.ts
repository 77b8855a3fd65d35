import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralKey, ReferralTranslate } from '../../site/referral/text.js';

/** The campaign screens' texts live in the `referral` namespace, beside the public pages'. */
export function useReferralT(): ReferralTranslate {
  const { t } = useTranslation('referral');
  return useCallback(
    (key: ReferralKey, values?: Record<string, string | number>) => String(t(key, values ?? {})),
    [t],
  );
}
