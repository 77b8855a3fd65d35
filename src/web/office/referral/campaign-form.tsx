import { Alert, Button, Fieldset, Paragraph } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { DEFAULT_CALLING_HOURS } from '../../../contracts/calling.js';
import type { Locale } from '../../i18n/locales.js';
import {
  FormErrorSummary,
  type FormErrors,
  noErrors,
  SelectField,
  TextField,
} from '../components/forms.js';
import { LoadFailed, Loading, Page } from '../components/page.js';
import { useT } from '../i18n.js';
import { useWorkspace } from '../workspace.js';
import { type Campaign, type CampaignInput, referralApi } from './api.js';
import {
  CallingDaysField,
  CallingHoursFields,
  type CampaignValues,
  TargetsFields,
  TextAreaField,
  TextsFields,
} from './campaign-fields.js';
import { FrontImage } from './front-image.js';
import { referralErrors } from './messages.js';
import { useReferralT } from './text.js';

const KINDS = ['referral', 'job_showcase', 'start_up', 'event_series'] as const;
const STATUSES = ['draft', 'open', 'closed'] as const;
const LOCALES = ['nb', 'nn', 'en'] as const;

function valuesOf(c: Campaign | null): CampaignValues {
  const text = (l: Locale) => ({
    title: c?.texts[l]?.title ?? '',
    intro: c?.texts[l]?.intro ?? '',
  });
  const target = (n: number | undefined) => (n === undefined ? '' : String(n));
  return {
    name: c?.name ?? '',
    slug: c?.slug ?? '',
    kind: c?.kind ?? 'referral',
    status: c?.status ?? 'draft',
    startsOn: c?.startsOn ?? '',
    endsOn: c?.endsOn ?? '',
    callingDays: c?.callingDays ?? [],
    texts: { nb: text('nb'), nn: text('nn'), en: text('en') },
    postcardMessage: c?.postcardMessage ?? '',
    postcardLocale: c?.postcardLocale ?? 'nb',
    callScript: c?.callScript ?? '',
    targets: {
      tips: target(c?.targets.tips),
      calls: target(c?.targets.calls),
      movedIn: target(c?.targets.movedIn),
    },
    ownHours: Boolean(c?.callingHours),
    hours: { ...(c?.callingHours ?? DEFAULT_CALLING_HOURS) },
  };
}

/** The request body; a language with neither heading nor introduction is left out. */
function inputOf(v: CampaignValues): CampaignInput {
  const texts: CampaignInput['texts'] = { nb: v.texts.nb };
  for (const l of ['nn', 'en'] as const) {
    if (v.texts[l].title.trim() || v.texts[l].intro.trim()) texts[l] = v.texts[l];
  }
  const targets: CampaignInput['targets'] = {};
  for (const key of ['tips', 'calls', 'movedIn'] as const) {
    if (v.targets[key].trim() !== '') targets[key] = Number(v.targets[key].trim());
  }
  return {
    name: v.name,
    ...(v.slug.trim() ? { slug: v.slug.trim() } : {}),
    kind: v.kind as Campaign['kind'],
    status: v.status as Campaign['status'],
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    callingDays: v.callingDays,
    texts,
    postcardMessage: v.postcardMessage,
    postcardLocale: v.postcardLocale,
    callScript: v.callScript,
    targets,
    callingHours: v.ownHours ? v.hours : null,
  };
}

/** An API field (`texts.nb.title`, `callingHours.days.0`) to the input that shows it. */
function idOf(field: string): string | null {
  if (field.startsWith('callingDays')) return 'c-callingDay-new';
  if (field.startsWith('callingHours.days')) return 'c-hours-day-1';
  if (field === 'callingHours.from') return 'c-hours-from';
  if (field === 'callingHours.to') return 'c-hours-to';
  if (field.startsWith('callingHours')) return 'c-hours-own';
  if (field.startsWith('regionId')) return null;
  return `c-${field.replaceAll('.', '-')}`;
}

/** What the browser can tell before sending, in the reader's language. */
function checkLocally(v: CampaignValues, r: ReturnType<typeof useReferralT>, required: string) {
  const fields: Record<string, string> = {};
  if (!v.name.trim()) fields['c-name'] = required;
  if (!v.startsOn) fields['c-startsOn'] = r('edit.messages.date');
  if (!v.endsOn) fields['c-endsOn'] = r('edit.messages.date');
  if (!v.texts.nb.title.trim()) fields['c-texts-nb-title'] = required;
  for (const key of ['tips', 'calls', 'movedIn'] as const) {
    const text = v.targets[key].trim();
    if (text && !/^\d+$/.test(text)) fields[`c-targets-${key}`] = r('edit.messages.number');
  }
  if (v.ownHours && v.hours.days.length === 0) fields['c-hours-day-1'] = r('edit.messages.oneDay');
  return fields;
}

/** A new campaign (no id) or changes to one, with every field the API takes. */
export function CampaignForm({ id }: { id?: string }) {
  const { t } = useT();
  const r = useReferralT();
  const navigate = useNavigate();
  const { region } = useWorkspace();
  const [campaign, setCampaign] = useState<Campaign | null>(null);
  const [values, setValues] = useState<CampaignValues | null>(id ? null : valuesOf(null));
  const [failed, setFailed] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!id) return;
    let live = true;
    referralApi
      .campaign(id)
      .then((c) => {
        if (!live) return;
        setCampaign(c);
        setValues(valuesOf(c));
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [id]);

  if (failed) return <LoadFailed onRetry={() => window.location.reload()} />;
  if (!values) return <Loading />;

  const set = (change: (v: CampaignValues) => CampaignValues) => {
    setSaved(false);
    setValues((v) => (v ? change(v) : v));
  };
  const fail = (next: FormErrors) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = checkLocally(values, r, t('fieldErrors.required'));
    if (Object.keys(local).length) return fail({ fields: local, general: [] });
    setBusy(true);
    try {
      if (campaign) {
        const updated = await referralApi.updateCampaign(campaign.id, inputOf(values));
        setCampaign(updated);
        setValues(valuesOf(updated));
        setErrors(noErrors);
        setSaved(true);
      } else {
        const created = await referralApi.createCampaign({
          ...inputOf(values),
          ...(region ? { regionId: region.id } : {}),
        });
        navigate(`/campaigns?id=${encodeURIComponent(created.id)}`);
      }
    } catch (error) {
      fail(referralErrors(t, r, error, idOf));
    } finally {
      setBusy(false);
    }
  };

  const part = { values, set, errors: errors.fields };
  const labels: Record<string, string> = {
    'c-name': r('office.name'),
    'c-slug': r('office.slug'),
    'c-startsOn': r('office.startsOn'),
    'c-endsOn': r('office.endsOn'),
    'c-callingDay-new': r('edit.callingDays'),
    'c-texts-nb-title': r('edit.textTitle', { language: r('edit.languages.nb') }),
    'c-texts-nn-title': r('edit.textTitle', { language: r('edit.languages.nn') }),
    'c-texts-en-title': r('edit.textTitle', { language: r('edit.languages.en') }),
    'c-postcardMessage': r('office.postcardMessage'),
    'c-callScript': r('edit.callScript'),
    'c-targets-tips': r('edit.targetTips'),
    'c-targets-calls': r('edit.targetCalls'),
    'c-targets-movedIn': r('edit.targetMovedIn'),
    'c-hours-day-1': r('edit.hoursDays'),
    'c-hours-from': r('edit.hoursFrom'),
    'c-hours-to': r('edit.hoursTo'),
  };
  const back = campaign ? `/campaigns?id=${encodeURIComponent(campaign.id)}` : '/campaigns';
  const text = (key: keyof CampaignValues) => ({
    value: values[key] as string,
    onChange: (e: { target: { value: string } }) => set((v) => ({ ...v, [key]: e.target.value })),
    error: errors.fields[`c-${key}`],
  });
  return (
    <Page title={campaign ? r('edit.editTitle', { name: campaign.name }) : r('edit.newTitle')}>
      <Paragraph>
        <Link className="ds-link" to={back}>
          {campaign ? r('edit.backTo', { name: campaign.name }) : r('office.back')}
        </Link>
      </Paragraph>
      <FormErrorSummary t={t} errors={errors} attempt={attempt} labels={labels} />
      {saved && (
        <Alert data-color="success" role="status" className="office-alert">
          {r('edit.saved')}
        </Alert>
      )}
      <form className="office-form office-form-panel" noValidate onSubmit={submit}>
        <Fieldset>
          <Fieldset.Legend>{r('edit.basics')}</Fieldset.Legend>
          <div className="office-form">
            <TextField id="c-name" label={r('office.name')} required {...text('name')} />
            <TextField
              id="c-slug"
              label={r('office.slug')}
              description={r('office.slugHint')}
              {...text('slug')}
            />
            <SelectField
              id="c-kind"
              label={r('office.kind')}
              options={KINDS.map((k) => ({ value: k, label: r(`office.kinds.${k}`) }))}
              {...text('kind')}
            />
            <SelectField
              id="c-status"
              label={r('office.status')}
              options={STATUSES.map((s) => ({ value: s, label: r(`office.statuses.${s}`) }))}
              {...text('status')}
            />
            <div className="office-form-row">
              <TextField
                id="c-startsOn"
                type="date"
                label={r('office.startsOn')}
                {...text('startsOn')}
              />
              <TextField id="c-endsOn" type="date" label={r('office.endsOn')} {...text('endsOn')} />
            </div>
          </div>
        </Fieldset>
        <CallingDaysField {...part} />
        <CallingHoursFields {...part} />
        <TextsFields {...part} />
        <Fieldset>
          <Fieldset.Legend>{r('edit.postcard')}</Fieldset.Legend>
          <div className="office-form">
            <TextAreaField
              id="c-postcardMessage"
              label={r('office.postcardMessage')}
              description={r('office.postcardMessageHint')}
              {...text('postcardMessage')}
            />
            <SelectField
              id="c-postcardLocale"
              label={r('edit.postcardLocale')}
              options={LOCALES.map((l) => ({ value: l, label: r(`edit.languages.${l}`) }))}
              {...text('postcardLocale')}
            />
          </div>
        </Fieldset>
        <TextAreaField
          id="c-callScript"
          label={r('edit.callScript')}
          description={r('edit.callScriptHint')}
          rows={8}
          {...text('callScript')}
        />
        <TargetsFields {...part} />
        <div className="office-actions">
          <Button type="submit" id="c-submit" loading={busy}>
            {campaign ? r('edit.save') : r('edit.create')}
          </Button>
          <Link className="ds-link" to={back}>
            {r('edit.cancel')}
          </Link>
        </div>
      </form>
      {campaign ? (
        <FrontImage campaign={campaign} onChange={setCampaign} />
      ) : (
        <Paragraph>{r('edit.imageAfterCreate')}</Paragraph>
      )}
    </Page>
  );
}
