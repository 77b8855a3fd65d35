import { Alert, Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { formatDate } from '../../i18n/locales.js';
import { type ApiToken, api } from '../api.js';
import {
  errorsFrom,
  FormErrorSummary,
  type FormErrors,
  noErrors,
  SelectField,
  TextField,
} from '../components/forms.js';
import { ConfirmDialog, LoadFailed, Loading, Page, TableScroll } from '../components/page.js';
import { useT } from '../i18n.js';

/** Personal API tokens: the secret is shown once, right after it is made. */
export function TokensPage() {
  const { t, locale } = useT();
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);

  const load = useCallback(async () => {
    setFailed(false);
    try {
      setTokens((await api.tokens.list()).tokens);
    } catch {
      setFailed(true);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const day = (iso: string | null) =>
    iso ? formatDate(locale, new Date(iso), { dateStyle: 'medium' }) : t('tokens.never');

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    try {
      await api.tokens.revoke(revoking.id);
      await load();
      setNotice({ text: t('tokens.revoked', { name: revoking.name }), error: false });
    } catch (error) {
      setNotice({ text: errorsFrom(t, error).general.join(' '), error: true });
    } finally {
      setBusy(false);
      setRevoking(null);
    }
  };

  return (
    <Page title={t('tokens.title')} intro={t('tokens.intro')}>
      {created ? (
        <NewToken token={created} onClose={() => setCreated(null)} />
      ) : (
        <CreateToken
          onCreated={(token) => {
            setNotice(null);
            setCreated(token);
            void load();
          }}
        />
      )}
      {notice && (
        <Alert
          data-color={notice.error ? 'danger' : 'success'}
          className="office-alert"
          role={notice.error ? 'alert' : 'status'}
        >
          {notice.text}
        </Alert>
      )}
      <Heading level={2} data-size="sm" className="office-section-title">
        {t('tokens.yours')}
      </Heading>
      {failed && <LoadFailed onRetry={() => void load()} />}
      {!failed && !tokens && <Loading />}
      {tokens && tokens.length === 0 && <Paragraph>{t('tokens.none')}</Paragraph>}
      {tokens && tokens.length > 0 && (
        <TableScroll label={t('tokens.yours')}>
          <Table zebra className="office-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('tokens.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('tokens.prefix')}</Table.HeaderCell>
                <Table.HeaderCell>{t('tokens.createdAt')}</Table.HeaderCell>
                <Table.HeaderCell>{t('tokens.lastUsedAt')}</Table.HeaderCell>
                <Table.HeaderCell>{t('tokens.expiresAt')}</Table.HeaderCell>
                <Table.HeaderCell>{t('tokens.status')}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="office-visually-hidden">{t('users.actions')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {tokens.map((token) => (
                <Table.Row key={token.id}>
                  <Table.Cell>{token.name}</Table.Cell>
                  <Table.Cell>
                    <code>{token.prefix}…</code>
                  </Table.Cell>
                  <Table.Cell>{day(token.createdAt)}</Table.Cell>
                  <Table.Cell>{day(token.lastUsedAt)}</Table.Cell>
                  <Table.Cell>{day(token.expiresAt)}</Table.Cell>
                  <Table.Cell>
                    {token.revokedAt ? (
                      <Tag data-color="neutral" data-size="sm">
                        {t('tokens.revokedOn', { date: day(token.revokedAt) })}
                      </Tag>
                    ) : (
                      <Tag data-color="success" data-size="sm">
                        {t('tokens.active')}
                      </Tag>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {!token.revokedAt && (
                      <Button
                        variant="tertiary"
                        data-color="danger"
                        data-size="sm"
                        onClick={() => setRevoking(token)}
                      >
                        {t('tokens.revoke')}
                        <span className="office-visually-hidden"> {token.name}</span>
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={t('tokens.revokeTitle', { name: revoking?.name ?? '' })}
        body={t('tokens.confirmRevoke')}
        confirmLabel={t('tokens.revoke')}
        danger
        busy={busy}
        onConfirm={() => void revoke()}
        onCancel={() => setRevoking(null)}
      />
    </Page>
  );
}

function CreateToken({ onCreated }: { onCreated: (token: string) => void }) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fail = (next: FormErrors) => {
      setErrors(next);
      setAttempt((n) => n + 1);
    };
    if (!name.trim())
      return fail({ fields: { 'token-name': t('fieldErrors.required') }, general: [] });
    setBusy(true);
    try {
      const result = await api.tokens.create(name.trim(), Number(days));
      onCreated(result.token);
    } catch (error) {
      fail(errorsFrom(t, error, { name: 'token-name', expiresInDays: 'token-days' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="office-panel office-form-panel" aria-labelledby="token-create-title">
      <Heading level={2} data-size="sm" id="token-create-title">
        {t('tokens.createTitle')}
      </Heading>
      <FormErrorSummary
        t={t}
        errors={errors}
        attempt={attempt}
        labels={{ 'token-name': t('tokens.name') }}
      />
      <form className="office-form office-form-inline" noValidate onSubmit={submit}>
        <TextField
          id="token-name"
          label={t('tokens.name')}
          description={t('tokens.nameHint')}
          autoComplete="off"
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields['token-name']}
        />
        <SelectField
          id="token-days"
          label={t('tokens.lifetime')}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          options={['30', '90', '180', '365'].map((d) => ({
            value: d,
            label: t('tokens.days', { count: Number(d) }),
          }))}
          error={errors.fields['token-days']}
        />
        <div className="office-actions">
          <Button type="submit" loading={busy}>
            {t('tokens.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function NewToken({ token, onClose }: { token: string; onClose: () => void }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      // Clipboard refused (permissions, plain http): select the text so Ctrl+C works.
      const field = document.getElementById('new-token');
      if (field instanceof HTMLInputElement) field.select();
    }
  };

  return (
    <section className="office-panel office-form-panel" aria-labelledby="new-token-title">
      <Heading level={2} data-size="sm" id="new-token-title" ref={heading} tabIndex={-1}>
        {t('tokens.createdTitle')}
      </Heading>
      <Alert data-color="warning" className="office-alert">
        {t('tokens.created')}
      </Alert>
      <div className="office-form office-form-inline">
        <TextField
          id="new-token"
          label={t('tokens.yourToken')}
          readOnly
          value={token}
          className="office-mono"
          onFocus={(e) => e.target.select()}
        />
        <div className="office-actions">
          <Button variant="secondary" onClick={() => void copy()}>
            {copied ? t('tokens.copied') : t('tokens.copy')}
          </Button>
          <Button variant="tertiary" onClick={onClose}>
            {t('tokens.done')}
          </Button>
        </div>
      </div>
      <p className="office-visually-hidden" role="status">
        {copied ? t('tokens.copied') : ''}
      </p>
    </section>
  );
}
