import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import type { MunicipalityHost } from '../../../contracts/site.js';
import { call } from '../api-call.js';
import {
  errorsFrom,
  FormErrorSummary,
  type FormErrors,
  hasErrors,
  noErrors,
  SelectField,
  TextField,
} from '../components/forms.js';
import { useT } from '../i18n.js';
import { useUser } from '../session.js';
import { useWorkspace } from '../workspace.js';
import { useContentT } from './text.js';

const id = encodeURIComponent;

function hostsApi(regionId: string | null) {
  const q = regionId ? `?region=${id(regionId)}` : '';
  return {
    list: () => call<{ hosts: MunicipalityHost[] }>('GET', `/api/site/municipality-hosts${q}`),
    save: (code: string, body: { name: string; email: string; phone: string }) =>
      call<MunicipalityHost>('PUT', `/api/site/municipality-hosts/${id(code)}${q}`, body),
    remove: (code: string) => call<void>('DELETE', `/api/site/municipality-hosts/${id(code)}${q}`),
  };
}

const FIELD_IDS = { name: 'host-name', email: 'host-email', phone: 'host-phone' };

/**
 * The municipality pages: where their own text comes from (a page `kommune-<slug>`), and the
 * newcomer host's contact each page shows, set here per municipality.
 */
export function HostsPanel() {
  const t = useContentT();
  const { t: officeT } = useT();
  const user = useUser();
  const { region } = useWorkspace();
  const regionId = user.role === 'admin' ? (region?.id ?? null) : null;
  const api = useMemo(() => hostsApi(regionId), [regionId]);
  const [hosts, setHosts] = useState<MunicipalityHost[]>([]);
  const [code, setCode] = useState('');
  const [form, setForm] = useState({ name: '', email: '', phone: '' });
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState('');

  const fill = useCallback((list: MunicipalityHost[], chosen: string) => {
    const host = list.find((h) => h.municipalityCode === chosen);
    setForm({
      name: host?.contact?.name ?? '',
      email: host?.contact?.email ?? '',
      phone: host?.contact?.phone ?? '',
    });
  }, []);

  const load = useCallback(
    async (chosen?: string) => {
      const list = (await api.list()).hosts;
      setHosts(list);
      const next = chosen ?? list[0]?.municipalityCode ?? '';
      setCode(next);
      fill(list, next);
    },
    [api, fill],
  );
  useEffect(() => {
    void load().catch((e: unknown) => setErrors(errorsFrom(officeT, e)));
  }, [load, officeT]);

  const failed = (e: unknown) => {
    setErrors(errorsFrom(officeT, e, FIELD_IDS));
    setAttempt((a) => a + 1);
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved('');
    try {
      await api.save(code, form);
      setErrors(noErrors);
      await load(code);
      setSaved(t('hosts.saved'));
    } catch (e) {
      failed(e);
    }
  };
  const remove = async () => {
    setSaved('');
    try {
      await api.remove(code);
      setErrors(noErrors);
      await load(code);
      setSaved(t('hosts.removed'));
    } catch (e) {
      failed(e);
    }
  };
  const current = hosts.find((h) => h.municipalityCode === code);
  const slug = current?.municipalitySlug;

  return (
    <section aria-labelledby="content-hosts" className="office-section">
      <Heading level={2} data-size="sm" id="content-hosts">
        {t('hosts.title')}
      </Heading>
      <Paragraph>{t('hosts.lead', { example: `kommune-${slug ?? 'tynset'}` })}</Paragraph>
      {hasErrors(errors) ? (
        <FormErrorSummary
          t={officeT}
          errors={errors}
          attempt={attempt}
          labels={{
            'host-name': t('hosts.name'),
            'host-email': t('hosts.email'),
            'host-phone': t('hosts.phone'),
          }}
        />
      ) : null}
      <form onSubmit={(e) => void save(e)} noValidate className="office-form">
        <SelectField
          id="host-municipality"
          label={t('hosts.municipality')}
          value={code}
          onChange={(e) => {
            setCode(e.target.value);
            fill(hosts, e.target.value);
            setSaved('');
          }}
          options={hosts.map((h) => ({ value: h.municipalityCode, label: h.municipalityName }))}
        />
        <TextField
          id="host-name"
          label={t('hosts.name')}
          description={t('hosts.nameHelp')}
          value={form.name}
          error={errors.fields['host-name']}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        <TextField
          id="host-email"
          type="email"
          label={t('hosts.email')}
          value={form.email}
          error={errors.fields['host-email']}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
        />
        <TextField
          id="host-phone"
          type="tel"
          label={t('hosts.phone')}
          value={form.phone}
          error={errors.fields['host-phone']}
          onChange={(e) => setForm({ ...form, phone: e.target.value })}
        />
        <div className="office-actions">
          <Button type="submit">{t('hosts.save')}</Button>
          {current?.contact ? (
            <Button type="button" variant="tertiary" onClick={() => void remove()}>
              {t('hosts.remove')}
            </Button>
          ) : null}
        </div>
        <output aria-live="polite">{saved}</output>
      </form>
    </section>
  );
}
