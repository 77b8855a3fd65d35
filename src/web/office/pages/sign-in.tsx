import { Alert, Button, Divider, Heading, Paragraph } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { ApiError, api, type Provider, pendingMfa } from '../api.js';
import {
  errorsFrom,
  FormErrorSummary,
  type FormErrors,
  hasErrors,
  isEmail,
  noErrors,
  TextField,
} from '../components/forms.js';
import { PublicLayout } from '../components/layout.js';
import { Loading, Page } from '../components/page.js';
import { useT } from '../i18n.js';
import { homePath } from '../nav.js';
import { useSession } from '../session.js';

/**
 * Sign-in: email and password, then a code from the authenticator app when the account has
 * one. Once the session is there, the person goes back to the page that sent them here.
 */
export function SignInPage() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'signedIn') {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== '/sign-in' ? from : homePath(state.user.role)} replace />;
  }
  return <SignInSteps resume={state.pendingMfa === true} expired={state.expired} />;
}

/** A reload during the code step comes back to the code step (`resume`). */
function SignInSteps({ resume, expired }: { resume: boolean; expired: boolean }) {
  const [step, setStep] = useState<'password' | 'code'>(resume ? 'code' : 'password');
  return (
    <PublicLayout>
      {step === 'password' ? (
        <PasswordStep expired={expired} onMfa={() => setStep('code')} />
      ) : (
        <CodeStep onCancel={() => setStep('password')} />
      )}
    </PublicLayout>
  );
}

function PasswordStep({ expired, onMfa }: { expired: boolean; onMfa: () => void }) {
  const { t } = useT();
  const { refresh } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [providers, setProviders] = useState<Provider[]>([]);

  useEffect(() => {
    api.auth
      .providers()
      .then((r) => setProviders(r.providers))
      .catch(() => setProviders([]));
  }, []);

  const fail = (next: FormErrors) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!email.trim()) fields.email = t('fieldErrors.required');
    else if (!isEmail(email)) fields.email = t('common:field.email');
    if (!password) fields.password = t('fieldErrors.required');
    if (Object.keys(fields).length > 0) return fail({ fields, general: [] });
    setBusy(true);
    try {
      const result = await api.auth.signIn(email.trim(), password);
      if (result.mfaRequired) return onMfa();
      await refresh();
    } catch (error) {
      setPassword('');
      fail(
        errorsFrom(
          t,
          error,
          { email: 'email', password: 'password' },
          { unauthenticated: 'signIn.failed', forbidden: 'signIn.failed' },
        ),
      );
    } finally {
      setBusy(false);
    }
  };

  const labels = { email: t('signIn.email'), password: t('signIn.password') };
  return (
    <Page title={t('signIn.title')} intro={t('signIn.intro')}>
      {expired && !hasErrors(errors) && (
        <Alert data-color="warning" className="office-alert">
          {t('errors.sessionExpired')}
        </Alert>
      )}
      <FormErrorSummary t={t} errors={errors} attempt={attempt} labels={labels} />
      <form className="office-form" noValidate onSubmit={submit}>
        <TextField
          id="email"
          type="email"
          label={labels.email}
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.fields.email}
        />
        <TextField
          id="password"
          type="password"
          label={labels.password}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fields.password}
        />
        <div className="office-actions">
          <Button type="submit" loading={busy}>
            {t('signIn.submit')}
          </Button>
          <Link to="/forgot" className="ds-link">
            {t('signIn.forgot')}
          </Link>
        </div>
      </form>
      {providers.length > 0 && (
        <section className="office-sso" aria-labelledby="sso-heading">
          <Divider />
          <Heading level={2} data-size="2xs" id="sso-heading">
            {t('signIn.sso')}
          </Heading>
          <div className="office-actions">
            {providers.map((p) => (
              <Button key={p.id} asChild variant="secondary">
                <a href={p.startUrl}>{t('signIn.ssoWith', { name: p.name })}</a>
              </Button>
            ))}
          </div>
        </section>
      )}
    </Page>
  );
}

function CodeStep({ onCancel }: { onCancel: () => void }) {
  const { t } = useT();
  const { refresh, signOut } = useSession();
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
      return fail({ fields: { code: t('fieldErrors.sixDigits') }, general: [] });
    }
    setBusy(true);
    try {
      await api.auth.verifyTotp(code.trim());
      await refresh();
    } catch (error) {
      setCode('');
      // The half-done sign-in has expired: start again from the password.
      if (error instanceof ApiError && error.code === 'unauthenticated') {
        pendingMfa.set(null);
        return onCancel();
      }
      fail(errorsFrom(t, error, { code: 'code' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('signIn.mfaTitle')} intro={t('signIn.mfaIntro')}>
      <FormErrorSummary
        t={t}
        errors={errors}
        attempt={attempt}
        labels={{ code: t('signIn.code') }}
      />
      <form className="office-form" noValidate onSubmit={submit}>
        <TextField
          id="code"
          label={t('signIn.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={errors.fields.code}
        />
        <div className="office-actions">
          <Button type="submit" loading={busy}>
            {t('signIn.verify')}
          </Button>
          <Button
            variant="tertiary"
            onClick={() => {
              void signOut().finally(onCancel);
            }}
          >
            {t('cancel')}
          </Button>
        </div>
      </form>
      <Paragraph data-size="sm" className="office-hint">
        {t('signIn.mfaHelp')}
      </Paragraph>
    </Page>
  );
}
