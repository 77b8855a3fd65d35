import './newcomers.css';
import {
  Button,
  Field,
  Fieldset,
  Input,
  Label,
  Paragraph,
  Textarea,
} from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { CHANNELS, type Channel, REASONS } from '../../../contracts/newcomers.js';
import {
  errorsFrom,
  FormErrorSummary,
  type FormErrors,
  noErrors,
  SelectField,
  TextField,
} from '../components/forms.js';
import { LoadFailed, Loading, Page } from '../components/page.js';
import { useT } from '../i18n.js';
import { type Campaign, referralApi } from '../referral/api.js';
import { useWorkspace } from '../workspace.js';
import { type Newcomer, type NewcomerInput, newcomersApi } from './api.js';
import { type NewcomersKey, type NewcomersTranslate, useNewcomersT } from './text.js';

interface Adult {
  name: string;
  birthYear: string;
  email: string;
  phone: string;
}
const emptyAdult = (): Adult => ({ name: '', birthYear: '', email: '', phone: '' });

interface Draft {
  municipalityCode: string;
  adults: Adult[];
  children: string;
  movedFrom: string;
  movingDate: string;
  reasons: string[];
  heardVia: string;
  contact: boolean;
  checkIns: boolean;
  notes: string;
}

function draftOf(c: Newcomer | null, code: string): Draft {
  return {
    municipalityCode: c?.municipalityCode ?? code,
    adults: c?.adults.map((a) => ({
      name: a.name,
      birthYear: a.birthYear ? String(a.birthYear) : '',
      email: a.email ?? '',
      phone: a.phone ?? '',
    })) ?? [emptyAdult()],
    children: c?.children.map((k) => k.birthYear).join(', ') ?? '',
    movedFrom: c?.movedFrom ?? '',
    movingDate: c?.movingDate ?? '',
    reasons: c?.reasons ?? [],
    heardVia: c?.heardVia
      ? c.heardVia.campaignId
        ? `campaign:${c.heardVia.campaignId}`
        : c.heardVia.channel
      : '',
    contact: c?.consents.contact ?? false,
    checkIns: c?.consents.checkIns ?? false,
    notes: c?.notes ?? '',
  };
}

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

/** The draft as the API's registration; the server checks it and names what is wrong. */
function inputOf(d: Draft): NewcomerInput {
  const heard = d.heardVia.startsWith('campaign:')
    ? { channel: 'campaign' as const, campaignId: d.heardVia.slice(9) }
    : d.heardVia
      ? { channel: d.heardVia as Channel }
      : undefined;
  return {
    municipalityCode: d.municipalityCode,
    adults: d.adults.map((a) => ({
      name: a.name,
      birthYear: a.birthYear.trim() ? Number(a.birthYear) : undefined,
      email: opt(a.email),
      phone: opt(a.phone),
    })),
    childrenBirthYears: d.children
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map(Number),
    movedFrom: opt(d.movedFrom),
    movingDate: d.movingDate,
    reasons: d.reasons as NewcomerInput['reasons'],
    heardVia: heard,
    consents: { contact: d.contact, checkIns: d.checkIns },
    locale: 'nb',
    notes: opt(d.notes),
  };
}

const OWN_WORDING: Record<string, NewcomersKey> = {
  'nc-municipality': 'form.errors.municipalityCode',
  'nc-children': 'form.errors.childrenBirthYears',
  'nc-moved-from': 'form.errors.movedFrom',
  'nc-moving-date': 'form.errors.movingDate',
  'nc-heard': 'form.errors.heardVia',
};

/**
 * The server names the field in English; the host reads the same wording as the public form,
 * in their own language (WCAG 3.3.1/3.3.3: the error says what is wrong and how to fix it).
 */
function inOwnWords(n: NewcomersTranslate, errors: FormErrors): FormErrors {
  const fields: Record<string, string> = {};
  for (const [fid, message] of Object.entries(errors.fields)) {
    const adult = /^nc-adult-(\d+)-(name|birthYear|email|phone)$/.exec(fid);
    const key = adult
      ? (`form.errors.adult${adult[1] === '0' ? 1 : 2}${adult[2]![0]!.toUpperCase()}${adult[2]!.slice(1)}` as NewcomersKey)
      : OWN_WORDING[fid];
    fields[fid] = key ? n(key) : message;
  }
  return { ...errors, fields };
}

/** Register a household, or edit one (`/newcomers/:id/edit`). */
export function NewcomerFormScreen() {
  const n = useNewcomersT();
  const { t } = useT();
  const { id } = useParams();
  const navigate = useNavigate();
  const { municipalities, municipalityCode } = useWorkspace();
  const [draft, setDraft] = useState<Draft | null>(
    id ? null : draftOf(null, municipalityCode ?? ''),
  );
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    referralApi
      .campaigns()
      .then((r) => setCampaigns(r.campaigns))
      .catch(() => setCampaigns([]));
    if (!id) return;
    newcomersApi
      .get(id)
      .then((c) => setDraft(draftOf(c, '')))
      .catch(() => setFailed(true));
  }, [id]);

  const fieldIds: Record<string, string> = {
    municipalityCode: 'nc-municipality',
    childrenBirthYears: 'nc-children',
    movedFrom: 'nc-moved-from',
    movingDate: 'nc-moving-date',
    heardVia: 'nc-heard',
    'heardVia.campaignId': 'nc-heard',
    'heardVia.channel': 'nc-heard',
    notes: 'nc-notes',
  };
  draft?.adults.forEach((_, i) => {
    for (const f of ['name', 'birthYear', 'email', 'phone']) {
      fieldIds[`adults.${i}.${f}`] = `nc-adult-${i}-${f}`;
    }
  });
  for (const [i] of Array.from({ length: 15 }).entries()) {
    fieldIds[`childrenBirthYears.${i}`] = 'nc-children';
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    try {
      const input = inputOf(draft);
      const saved = id
        ? await newcomersApi.update(id, { ...input, locale: undefined })
        : await newcomersApi.register(input);
      navigate(`/newcomers/${encodeURIComponent(saved.id)}`);
    } catch (error) {
      setErrors(inOwnWords(n, errorsFrom(t, error, fieldIds)));
      setAttempt((a) => a + 1);
    }
  };

  const set = (change: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...change } : d));
  const setAdult = (i: number, change: Partial<Adult>) =>
    setDraft((d) =>
      d ? { ...d, adults: d.adults.map((a, j) => (j === i ? { ...a, ...change } : a)) } : d,
    );
  const err = (fid: string) => errors.fields[fid];

  return (
    <Page title={id ? n('office.editTitle') : n('office.registerTitle')}>
      <Paragraph>
        <Link className="ds-link" to={id ? `/newcomers/${encodeURIComponent(id)}` : '/newcomers'}>
          {n('office.back')}
        </Link>
      </Paragraph>
      {failed && <LoadFailed onRetry={() => window.location.reload()} />}
      {!failed && !draft && <Loading />}
      {draft && (
        <form onSubmit={(e) => void submit(e)} className="newcomers-form" noValidate>
          <FormErrorSummary t={t} errors={errors} attempt={attempt} />
          <SelectField
            id="nc-municipality"
            label={n('office.municipality')}
            value={draft.municipalityCode}
            error={err('nc-municipality')}
            onChange={(e) => set({ municipalityCode: e.target.value })}
            options={[
              { value: '', label: n('form.chooseMunicipality') },
              ...municipalities.map((m) => ({ value: m.code, label: m.name })),
            ]}
          />
          {draft.adults.map((a, i) => (
            <Fieldset key={`adult-${i.toString()}`}>
              <Fieldset.Legend>{n('office.adult', { n: i + 1 })}</Fieldset.Legend>
              {(['name', 'birthYear', 'email', 'phone'] as const).map((f) => (
                <TextField
                  key={f}
                  id={`nc-adult-${i}-${f}`}
                  label={n(
                    `form.fields.adult1${f[0]!.toUpperCase()}${f.slice(1)}` as 'form.fields.adult1Name',
                  )}
                  type={f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text'}
                  inputMode={f === 'birthYear' ? 'numeric' : undefined}
                  value={a[f]}
                  error={err(`nc-adult-${i}-${f}`)}
                  onChange={(e) => setAdult(i, { [f]: e.target.value })}
                />
              ))}
              {draft.adults.length > 1 && (
                <Button
                  variant="tertiary"
                  data-size="sm"
                  onClick={() => set({ adults: draft.adults.filter((_, j) => j !== i) })}
                >
                  {n('office.removeAdult', { n: i + 1 })}
                </Button>
              )}
            </Fieldset>
          ))}
          <div>
            <Button
              variant="secondary"
              data-size="sm"
              onClick={() => set({ adults: [...draft.adults, emptyAdult()] })}
            >
              {n('office.addAdult')}
            </Button>
          </div>
          <TextField
            id="nc-children"
            label={n('form.fields.childrenBirthYears')}
            description={n('form.hints.childrenBirthYears')}
            value={draft.children}
            error={err('nc-children')}
            onChange={(e) => set({ children: e.target.value })}
          />
          <TextField
            id="nc-moved-from"
            label={n('form.fields.movedFrom')}
            value={draft.movedFrom}
            error={err('nc-moved-from')}
            onChange={(e) => set({ movedFrom: e.target.value })}
          />
          <TextField
            id="nc-moving-date"
            type="date"
            label={n('form.fields.movingDate')}
            value={draft.movingDate}
            error={err('nc-moving-date')}
            onChange={(e) => set({ movingDate: e.target.value })}
          />
          <Fieldset>
            <Fieldset.Legend>{n('form.reasonsLegend')}</Fieldset.Legend>
            {REASONS.map((r) => (
              <Field key={r}>
                <Input
                  type="checkbox"
                  id={`nc-reason-${r}`}
                  checked={draft.reasons.includes(r)}
                  onChange={(e) =>
                    set({
                      reasons: e.target.checked
                        ? [...draft.reasons, r]
                        : draft.reasons.filter((x) => x !== r),
                    })
                  }
                />
                <Label htmlFor={`nc-reason-${r}`} weight="regular">
                  {n(`reasons.${r}`)}
                </Label>
              </Field>
            ))}
          </Fieldset>
          <SelectField
            id="nc-heard"
            label={n('form.fields.heardVia')}
            value={draft.heardVia}
            error={err('nc-heard')}
            onChange={(e) => set({ heardVia: e.target.value })}
            options={[
              { value: '', label: n('form.chooseChannel') },
              ...campaigns.map((c) => ({ value: `campaign:${c.id}`, label: c.name })),
              ...CHANNELS.map((c) => ({ value: c, label: n(`channels.${c}`) })),
            ]}
          />
          <Fieldset>
            <Fieldset.Legend>{n('office.consents')}</Fieldset.Legend>
            {(['contact', 'checkIns'] as const).map((k) => (
              <Field key={k}>
                <Input
                  type="checkbox"
                  id={`nc-consent-${k}`}
                  checked={draft[k]}
                  onChange={(e) => set({ [k]: e.target.checked })}
                />
                <Label htmlFor={`nc-consent-${k}`} weight="regular">
                  {n(k === 'contact' ? 'office.consentContact' : 'office.consentCheckIns')}
                </Label>
              </Field>
            ))}
          </Fieldset>
          <Field>
            <Label htmlFor="nc-notes">{n('office.notes')}</Label>
            <Textarea
              id="nc-notes"
              rows={3}
              value={draft.notes}
              onChange={(e) => set({ notes: e.target.value })}
            />
          </Field>
          <div>
            <Button type="submit">{n('office.save')}</Button>
          </div>
        </form>
      )}
    </Page>
  );
}
