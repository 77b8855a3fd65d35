import { Field, Label, Select } from '@digdir/designsystemet-react';
import { isLocale, LOCALES, localeName } from '../../i18n/locales.js';
import { useT } from '../i18n.js';
import { useSession } from '../session.js';

/** Language choice: kept in a cookie, and on the account when signed in. */
export function LanguageSwitch({ id = 'office-language' }: { id?: string }) {
  const { t, locale } = useT();
  const { setLocale } = useSession();
  return (
    <Field className="office-language" data-size="sm">
      <Label htmlFor={id}>{t('common:language')}</Label>
      <Select
        id={id}
        value={locale}
        onChange={(event) => {
          const next = event.target.value;
          if (isLocale(next)) void setLocale(next).catch(() => undefined);
        }}
      >
        {LOCALES.map((l) => (
          <Select.Option key={l} value={l} lang={l}>
            {localeName[l]}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
