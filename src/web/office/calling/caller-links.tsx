import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import type { Municipality } from '../../../contracts/regions.js';
import { formatDate } from '../../i18n/locales.js';
import { SelectField, TextField } from '../components/forms.js';
import { ConfirmDialog, TableScroll } from '../components/page.js';
import { useT } from '../i18n.js';
import { type CallerLink, CallingApiError, type CreatedCallerLink, callingApi } from './api.js';
import { useCallingT } from './text.js';

interface Props {
  campaignId: string;
  municipalities: Municipality[];
}

const FIELD_IDS: Record<string, string> = {
  municipalityCode: 'link-municipality',
  name: 'link-name',
  phone: 'link-phone',
  email: 'link-email',
  expiresAt: 'link-expires',
};

/** The programme leader's caller links: make one per volunteer, see who used theirs, withdraw. */
export function CallerLinks({ campaignId, municipalities }: Props) {
  const t = useCallingT();
  const { t: officeT, locale } = useT();
  const [links, setLinks] = useState<CallerLink[] | null>(null);
  const [created, setCreated] = useState<CreatedCallerLink | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [revoking, setRevoking] = useState<CallerLink | null>(null);
  const [copied, setCopied] = useState(false);
  const [form, setForm] = useState({
    municipalityCode: municipalities[0]?.code ?? '',
    name: '',
    phone: '',
    email: '',
    expiresAt: '',
  });
  const createdHeading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    try {
      setLinks(await callingApi.links(campaignId));
    } catch {
      setGeneral(officeT('errors.loadFailed'));
    }
  }, [campaignId, officeT]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (created) createdHeading.current?.focus();
  }, [created]);

  const nameOf = (code: string) => municipalities.find((m) => m.code === code)?.name ?? code;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setGeneral(null);
    try {
      const made = await callingApi.createLink(campaignId, {
        municipalityCode: form.municipalityCode,
        name: form.name,
        ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
        ...(form.email.trim() ? { email: form.email.trim() } : {}),
        ...(form.expiresAt ? { expiresAt: new Date(form.expiresAt).toISOString() } : {}),
      });
      setCreated(made);
      setCopied(false);
      setForm((f) => ({ ...f, name: '', phone: '', email: '', expiresAt: '' }));
      await load();
    } catch (error) {
      const fields: Record<string, string> = {};
      if (error instanceof CallingApiError) {
        for (const issue of error.fields) {
          const id = FIELD_IDS[issue.field];
          if (id) fields[id] = issue.message;
        }
      }
      setErrors(fields);
      if (Object.keys(fields).length === 0) setGeneral(officeT('errors.generic'));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(link: CallerLink) {
    setBusy(true);
    try {
      await callingApi.revokeLink(campaignId, link.callerId);
      await load();
    } catch {
      setGeneral(officeT('errors.generic'));
    } finally {
      setBusy(false);
      setRevoking(null);
    }
  }

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  return (
    <section aria-labelledby="links-heading" className="calling-section">
      <Heading level={2} data-size="sm" id="links-heading">
        {t('links.heading')}
      </Heading>
      <Paragraph>{t('links.intro')}</Paragraph>
      {general && (
        <Alert data-color="danger" className="office-alert">
          <Paragraph>{general}</Paragraph>
        </Alert>
      )}
      <form className="office-form calling-link-form" onSubmit={submit} noValidate>
        <SelectField
          id="link-municipality"
          label={officeT('municipality')}
          value={form.municipalityCode}
          onChange={set('municipalityCode')}
          options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
          error={errors['link-municipality']}
        />
        <TextField
          id="link-name"
          label={t('links.name')}
          value={form.name}
          onChange={set('name')}
          autoComplete="off"
          error={errors['link-name']}
        />
        <TextField
          id="link-phone"
          label={t('links.phone')}
          type="tel"
          value={form.phone}
          onChange={set('phone')}
          autoComplete="off"
          error={errors['link-phone']}
        />
        <TextField
          id="link-email"
          label={t('links.email')}
          type="email"
          value={form.email}
          onChange={set('email')}
          autoComplete="off"
          error={errors['link-email']}
        />
        <TextField
          id="link-expires"
          label={t('links.expires')}
          description={t('links.expiresHelp')}
          type="datetime-local"
          value={form.expiresAt}
          onChange={set('expiresAt')}
          error={errors['link-expires']}
        />
        <div className="office-actions">
          <Button type="submit" id="link-create" loading={busy} disabled={busy}>
            {t('links.create')}
          </Button>
        </div>
      </form>
      {created && (
        <Alert data-color="success" className="office-alert calling-created">
          <Heading level={3} data-size="xs" ref={createdHeading} tabIndex={-1}>
            {t('links.createdHeading', { name: created.link.name })}
          </Heading>
          <Paragraph>{t('links.createdBody')}</Paragraph>
          <p className="calling-link-url">
            <code id="created-link">{created.url}</code>
          </p>
          <Button
            variant="secondary"
            data-size="sm"
            onClick={() => {
              void navigator.clipboard?.writeText(created.url).then(() => setCopied(true));
            }}
          >
            {copied ? t('links.copied') : t('links.copy')}
          </Button>
          <img
            className="office-qr calling-qr"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(created.qrSvg)}`}
            alt={t('links.qrLabel')}
            width={220}
            height={220}
          />
        </Alert>
      )}
      {links && links.length === 0 && <Paragraph>{t('links.none')}</Paragraph>}
      {links && links.length > 0 && (
        <TableScroll labelledBy="links-caption">
          <Table data-size="sm">
            <caption id="links-caption">{t('links.listCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('links.columns.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('links.columns.municipality')}</Table.HeaderCell>
                <Table.HeaderCell>{t('links.columns.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('links.columns.expires')}</Table.HeaderCell>
                <Table.HeaderCell>{t('links.columns.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {links.map((link) => (
                <Table.Row key={link.callerId}>
                  <Table.Cell>{link.name}</Table.Cell>
                  <Table.Cell>{nameOf(link.municipalityCode)}</Table.Cell>
                  <Table.Cell>{t(`links.status.${link.status}`)}</Table.Cell>
                  <Table.Cell>
                    {link.expiresAt
                      ? formatDate(locale, new Date(link.expiresAt), {
                          dateStyle: 'short',
                          timeStyle: 'short',
                        })
                      : '–'}
                  </Table.Cell>
                  <Table.Cell>
                    {link.status !== 'revoked' && (
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        aria-label={t('links.revokeLabel', { name: link.name })}
                        onClick={() => setRevoking(link)}
                      >
                        {t('links.revoke')}
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
        title={t('links.revokeTitle')}
        body={t('links.revokeBody', { name: revoking?.name ?? '' })}
        confirmLabel={t('links.revoke')}
        danger
        busy={busy}
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          if (revoking) void revoke(revoking);
        }}
      />
    </section>
  );
}
