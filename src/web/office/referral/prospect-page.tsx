import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../i18n/locales.js';
import { ApiError } from '../api.js';
import {
  FormErrorSummary,
  type FormErrors,
  noErrors,
  SelectField,
  TextField,
} from '../components/forms.js';
import { LoadFailed, Loading, Page } from '../components/page.js';
import { useT } from '../i18n.js';
import { useUser } from '../session.js';
import { useWorkspace } from '../workspace.js';
import { type ProspectDetail, referralApi } from './api.js';
import { referralErrors } from './messages.js';
import { useReferralT } from './text.js';

const FIELDS = ['name', 'household', 'phone', 'addressLine', 'postcode', 'city'] as const;
type Values = Record<(typeof FIELDS)[number] | 'municipalityCode', string>;

const valuesOf = (p: ProspectDetail): Values => ({
  name: p.name,
  household: p.household ?? '',
  phone: p.phone ?? '',
  addressLine: p.addressLine ?? '',
  postcode: p.postcode ?? '',
  city: p.city ?? '',
  municipalityCode: p.municipalityCode,
});

/** One prospect: their details, a form to correct them, and every tip about them. */
export function ProspectPage({ id }: { id: string }) {
  const r = useReferralT();
  const [prospect, setProspect] = useState<ProspectDetail | null>(null);
  const [failed, setFailed] = useState(false);
  const [gone, setGone] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload asks for fresh data
  useEffect(() => {
    let live = true;
    setFailed(false);
    referralApi
      .prospect(id)
      .then((p) => live && setProspect(p))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [id, reload]);

  if (gone) {
    return (
      <Page title={r('office.prospects')}>
        <Alert data-color="info" role="status" className="office-alert">
          {r('edit.prospect.optedOut')}
        </Alert>
        <Link className="ds-link" to={`/campaigns?id=${encodeURIComponent(gone)}`}>
          {r('office.back')}
        </Link>
      </Page>
    );
  }
  if (failed) return <LoadFailed onRetry={() => setReload((n) => n + 1)} />;
  if (!prospect) return <Loading />;
  return (
    <Page title={prospect.name} intro={r(`office.stages.${prospect.stage}`)}>
      <Paragraph>
        <Link className="ds-link" to={`/campaigns?id=${encodeURIComponent(prospect.campaignId)}`}>
          {r('edit.prospect.back')}
        </Link>
      </Paragraph>
      <ProspectForm
        prospect={prospect}
        onSaved={setProspect}
        onGone={() => setGone(prospect.campaignId)}
      />
      <Tips prospect={prospect} />
    </Page>
  );
}

function ProspectForm(props: {
  prospect: ProspectDetail;
  onSaved: (p: ProspectDetail) => void;
  onGone: () => void;
}) {
  const { t } = useT();
  const r = useReferralT();
  const { region } = useWorkspace();
  const user = useUser();
  const [values, setValues] = useState<Values>(() => valuesOf(props.prospect));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values.name.trim()) {
      setErrors({ fields: { 'p-name': t('fieldErrors.required') }, general: [] });
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    setSaved(false);
    const blankIsNull = (v: string) => (v.trim() === '' ? null : v.trim());
    try {
      const updated = await referralApi.updateProspect(props.prospect.id, {
        name: values.name.trim(),
        household: blankIsNull(values.household),
        phone: blankIsNull(values.phone),
        addressLine: blankIsNull(values.addressLine),
        postcode: blankIsNull(values.postcode),
        city: blankIsNull(values.city),
        municipalityCode: values.municipalityCode,
      });
      props.onSaved(updated);
      setValues(valuesOf(updated));
      setErrors(noErrors);
      setSaved(true);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'gone') return props.onGone();
      setErrors(referralErrors(t, r, error, (field) => `p-${field}`));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const labels: Record<string, string> = {
    ...Object.fromEntries(FIELDS.map((f) => [`p-${f}`, r(`edit.prospect.${f}`)])),
    'p-municipalityCode': r('edit.prospect.municipality'),
  };
  // A host moves a person only among their own municipalities (the API says the same).
  const municipalities = (region?.municipalities ?? []).filter(
    (m) => user.role !== 'host' || user.municipalityCodes.includes(m.code),
  );
  const field = (name: keyof Values) => ({
    id: `p-${name}`,
    value: values[name],
    error: errors.fields[`p-${name}`],
    onChange: (e: { target: { value: string } }) => {
      setSaved(false);
      setValues((v) => ({ ...v, [name]: e.target.value }));
    },
  });
  return (
    <section aria-labelledby="p-edit-title" className="office-section office-form-panel">
      <Heading level={2} data-size="sm" id="p-edit-title">
        {r('edit.prospect.editTitle')}
      </Heading>
      <Paragraph data-size="sm">{r('edit.prospect.editHint')}</Paragraph>
      <FormErrorSummary t={t} errors={errors} attempt={attempt} labels={labels} />
      {saved && (
        <Alert data-color="success" role="status" className="office-alert">
          {r('edit.prospect.saved')}
        </Alert>
      )}
      <form className="office-form" noValidate onSubmit={submit}>
        <TextField label={labels['p-name']!} required autoComplete="off" {...field('name')} />
        <TextField label={labels['p-household']!} autoComplete="off" {...field('household')} />
        <TextField label={labels['p-phone']!} type="tel" autoComplete="off" {...field('phone')} />
        <TextField label={labels['p-addressLine']!} autoComplete="off" {...field('addressLine')} />
        <div className="office-form-row">
          <TextField
            label={labels['p-postcode']!}
            inputMode="numeric"
            autoComplete="off"
            {...field('postcode')}
          />
          <TextField label={labels['p-city']!} autoComplete="off" {...field('city')} />
        </div>
        <SelectField
          label={labels['p-municipalityCode']!}
          options={
            municipalities.some((m) => m.code === values.municipalityCode)
              ? municipalities.map((m) => ({ value: m.code, label: m.name }))
              : [{ value: values.municipalityCode, label: values.municipalityCode }]
          }
          {...field('municipalityCode')}
        />
        <div className="office-actions">
          <Button type="submit" loading={busy}>
            {r('edit.prospect.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function Tips({ prospect }: { prospect: ProspectDetail }) {
  const r = useReferralT();
  const { locale } = useT();
  const yesNo = (b: boolean) => r(b ? 'edit.prospect.yes' : 'edit.prospect.no');
  return (
    <section aria-labelledby="p-tips-title" className="office-section">
      <Heading level={2} data-size="sm" id="p-tips-title">
        {r('edit.prospect.tips')}
      </Heading>
      <ul className="office-referral-list">
        {prospect.tips.map((tip) => {
          const rows: Array<[string, string]> = [
            [
              r('edit.prospect.tipperContact'),
              [tip.tipperEmail, tip.tipperPhone].filter(Boolean).join(', ') ||
                r('edit.prospect.none'),
            ],
            [r('edit.prospect.mayBeNamed'), yesNo(tip.tipperMayBeNamed)],
            [r('edit.prospect.wantsNews'), yesNo(tip.tipperWantsNews)],
            [r('edit.prospect.livesNow'), tip.livesNow ?? r('edit.prospect.none')],
            [r('edit.prospect.connection'), tip.connection ?? r('edit.prospect.none')],
            [r('edit.prospect.reason'), tip.reason ?? r('edit.prospect.none')],
          ];
          return (
            <li key={tip.id} className="office-panel">
              <Heading level={3} data-size="2xs">
                {r('edit.prospect.tipFrom', {
                  name: tip.tipperName,
                  date: formatDate(locale, new Date(tip.createdAt), { dateStyle: 'medium' }),
                })}
              </Heading>
              <dl className="office-facts">
                {rows.map(([term, value]) => (
                  <div key={term}>
                    <dt>{term}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
