import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api.js';
import {
  errorsFrom,
  FormErrorSummary,
  type FormErrors,
  isEmail,
  noErrors,
  TextField,
} from '../components/forms.js';
import { PublicLayout } from '../components/layout.js';
import { Page } from '../components/page.js';
import { type Translate, useT } from '../i18n.js';

const MIN_PASSWORD = 12;

/** A form's error state: every failed attempt moves focus to the summary again. */
function useFormErrors() {
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const fail = (next: FormErrors) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  };
  return { errors, attempt, fail, clear: () => setErrors(noErrors) };
}

function SignInLink() {
  const { t } = useT();
  return (
    <Paragraph>
      <Link to="/sign-in" className="ds-link">
        {t('forgot.back')}
      </Link>
    </Paragraph>
  );
}

export function ForgotPasswordPage() {
  const { t } = useT();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const { errors, attempt, fail } = useFormErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!isEmail(email)) {
      const message = email.trim() ? t('common:field.email') : t('fieldErrors.required');
      return fail({ fields: { email: message }, general: [] });
    }
    setBusy(true);
    try {
      await api.auth.requestPasswordReset(email.trim());
      setSent(true);
    } catch (error) {
      fail(errorsFrom(t, error, { email: 'email' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicLayout>
      <Page title={t('forgot.title')} intro={sent ? undefined : t('forgot.intro')}>
        {sent ? (
          <Alert data-color="success" className="office-alert" role="status">
            {t('forgot.sent')}
          </Alert>
        ) : (
          <>
            <FormErrorSummary
              t={t}
              errors={errors}
              attempt={attempt}
              labels={{ email: t('signIn.email') }}
            />
            <form className="office-form" noValidate onSubmit={submit}>
              <TextField
                id="email"
                type="email"
                label={t('signIn.email')}
                autoComplete="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                error={errors.fields.email}
              />
              <div className="office-actions">
                <Button type="submit" loading={busy}>
                  {t('forgot.submit')}
                </Button>
              </div>
            </form>
          </>
        )}
        <SignInLink />
      </Page>
    </PublicLayout>
  );
}

function checkPasswords(t: Translate, password: string, repeat: string): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!password) fields.password = t('fieldErrors.required');
  else if (password.length < MIN_PASSWORD) fields.password = t('fieldErrors.passwordLength');
  if (password && repeat !== password) fields.repeat = t('fieldErrors.passwordMismatch');
  return fields;
}

/** Tokens in links expire or get used; the API answers such a token with one of these codes. */
const linkErrors = { gone: 'reset.invalidLink', not_found: 'reset.invalidLink' } as const;

interface PasswordFormProps {
  mode: 'reset' | 'invitation';
}

/** Choose a password from a link in an email: a password reset, or an invitation. */
function PasswordLinkPage({ mode }: PasswordFormProps) {
  const { t } = useT();
  const { token = '' } = useParams();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const { errors, attempt, fail } = useFormErrors();
  const invitation = mode === 'invitation';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields = checkPasswords(t, password, repeat);
    if (invitation && !name.trim()) fields.name = t('fieldErrors.required');
    if (Object.keys(fields).length > 0) return fail({ fields, general: [] });
    setBusy(true);
    try {
      if (invitation) await api.auth.acceptInvitation(token, name.trim(), password);
      else await api.auth.completePasswordReset(token, password);
      setDone(true);
    } catch (error) {
      fail(
        errorsFrom(
          t,
          error,
          { name: 'name', password: 'password' },
          {
            ...linkErrors,
            unauthenticated: 'reset.invalidLink',
          },
        ),
      );
    } finally {
      setBusy(false);
    }
  };

  const labels: Record<string, string> = {
    ...(invitation ? { name: t('invitation.name') } : {}),
    password: t('reset.password'),
    repeat: t('reset.repeat'),
  };
  const title = invitation ? t('invitation.title') : t('reset.title');
  if (done) {
    return (
      <PublicLayout>
        <Page title={title}>
          <Alert data-color="success" className="office-alert" role="status">
            {invitation ? t('invitation.done') : t('reset.done')}
          </Alert>
          <SignInLink />
        </Page>
      </PublicLayout>
    );
  }
  return (
    <PublicLayout>
      <Page title={title} intro={invitation ? t('invitation.intro') : t('reset.intro')}>
        <FormErrorSummary t={t} errors={errors} attempt={attempt} labels={labels} />
        <form className="office-form" noValidate onSubmit={submit}>
          {invitation && (
            <TextField
              id="name"
              label={labels.name ?? ''}
              autoComplete="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={errors.fields.name}
            />
          )}
          <TextField
            id="password"
            type="password"
            label={t('reset.password')}
            description={t('reset.passwordHint')}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errors.fields.password}
          />
          <TextField
            id="repeat"
            type="password"
            label={t('reset.repeat')}
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            error={errors.fields.repeat}
          />
          <div className="office-actions">
            <Button type="submit" loading={busy}>
              {invitation ? t('invitation.submit') : t('reset.submit')}
            </Button>
          </div>
        </form>
        {!invitation && (
          <Paragraph data-size="sm">
            <Link to="/forgot" className="ds-link">
              {t('reset.newLink')}
            </Link>
          </Paragraph>
        )}
      </Page>
    </PublicLayout>
  );
}

export const ResetPasswordPage = () => <PasswordLinkPage mode="reset" />;
export const AcceptInvitationPage = () => <PasswordLinkPage mode="invitation" />;
