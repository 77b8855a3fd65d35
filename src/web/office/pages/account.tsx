import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { api, type TotpSetup } from '../api.js';
import {
  errorsFrom,
  FormErrorSummary,
  type FormErrors,
  noErrors,
  TextField,
} from '../components/forms.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { Page } from '../components/page.js';
import { useT } from '../i18n.js';
import { useSession, useUser } from '../session.js';
import { useWorkspace } from '../workspace.js';

export function AccountPage() {
  const { t } = useT();
  const user = useUser();
  const { region } = useWorkspace();
  return (
    <Page title={t('account.title')}>
      <section aria-labelledby="account-details" className="office-section">
        <Heading level={2} data-size="sm" id="account-details">
          {t('account.details')}
        </Heading>
        <dl className="office-details">
          <dt>{t('users.name')}</dt>
          <dd>{user.name}</dd>
          <dt>{t('users.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('users.role')}</dt>
          <dd>{t(`roles.${user.role}`)}</dd>
          {region && user.role !== 'admin' && (
            <>
              <dt>{t('region')}</dt>
              <dd>{region.name}</dd>
            </>
          )}
        </dl>
        <LanguageSwitch id="account-language" />
      </section>
      <section aria-labelledby="totp-title" className="office-section">
        <Heading level={2} data-size="sm" id="totp-title">
          {t('account.totp.title')}
        </Heading>
        <TotpSection />
      </section>
    </Page>
  );
}

/** Shown instead of every screen until a leader or admin has a second factor. */
export function TotpEnrolmentPage() {
  const { t } = useT();
  return (
    <Page title={t('account.totp.enrolTitle')}>
      <Alert data-color="info" className="office-alert">
        {t('account.totp.required')}
      </Alert>
      <TotpSection />
    </Page>
  );
}

function TotpSection() {
  const { t } = useT();
  const user = useUser();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  if (user.totpEnabled) {
    return (
      <Paragraph>
        <Tag data-color="success" data-size="sm">
          {t('account.totp.on')}
        </Tag>{' '}
        {t('account.totp.enabled')}
      </Paragraph>
    );
  }
  if (setup) return <TotpConfirm setup={setup} />;
  const start = async () => {
    setBusy(true);
    setFailed(false);
    try {
      setSetup(await api.auth.setupTotp());
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Paragraph>{t('account.totp.disabled')}</Paragraph>
      {failed && (
        <Alert data-color="danger" className="office-alert" role="alert">
          {t('errors.generic')}
        </Alert>
      )}
      <Button onClick={() => void start()} loading={busy}>
        {t('account.totp.start')}
      </Button>
    </>
  );
}

const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

function TotpConfirm({ setup }: { setup: TotpSetup }) {
  const { t } = useT();
  const { refresh } = useSession();
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fail = (next: FormErrors) => {
      setErrors(next);
      setAttempt((n) => n + 1);
    };
    if (!/^\d{6}$/.test(code.trim())) {
      return fail({ fields: { 'totp-code': t('fieldErrors.sixDigits') }, general: [] });
    }
    setBusy(true);
    try {
      await api.auth.enableTotp(code.trim());
      await refresh();
    } catch (error) {
      setCode('');
      fail(errorsFrom(t, error, { code: 'totp-code' }, { unauthenticated: 'signIn.codeFailed' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Paragraph>{t('account.totp.step1')}</Paragraph>
      {setup.qrSvg && (
        <img
          className="office-qr"
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`}
          alt={t('account.totp.qrAlt')}
          width={200}
          height={200}
        />
      )}
      <dl className="office-details">
        <dt>{t('account.totp.secret')}</dt>
        <dd>
          <code className="office-mono" data-testid="totp-secret">
            {grouped(setup.secret)}
          </code>
        </dd>
        <dt>{t('account.totp.url')}</dt>
        <dd>
          <code className="office-mono office-break">{setup.otpauthUrl}</code>
        </dd>
      </dl>
      <FormErrorSummary
        t={t}
        errors={errors}
        attempt={attempt}
        labels={{ 'totp-code': t('account.totp.code') }}
      />
      <form className="office-form office-form-inline" noValidate onSubmit={submit}>
        <TextField
          id="totp-code"
          label={t('account.totp.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={errors.fields['totp-code']}
        />
        <div className="office-actions">
          <Button type="submit" loading={busy}>
            {t('account.totp.confirm')}
          </Button>
        </div>
      </form>
    </>
  );
}
