import {
  Alert,
  Button,
  Link as DsLink,
  Field,
  Fieldset,
  Heading,
  Input,
  Label,
  Paragraph,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CallableProspect } from '../../../contracts/caller-links.js';
import type { CallOutcome, Interest } from '../../../contracts/calling.js';
import { SelectField, TextField } from '../components/forms.js';
import { LoadFailed, Loading, Page } from '../components/page.js';
import { useT } from '../i18n.js';
import { ForbiddenPage } from '../pages/simple.js';
import { useUser } from '../session.js';
import { useWorkspace } from '../workspace.js';
import { type CallableList, CallingApiError, callingApi, withOneRetry } from './api.js';
import { OUTCOMES } from './call-screen.js';
import { useCallingCampaigns } from './calling-page.js';
import { INTERESTS } from './outcome-form.js';
import { displayPhone } from './prospect-card.js';
import { useCallingT } from './text.js';
import './calling.css';

/** datetime-local's value for an instant, in the browser's time zone. */
function localInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * /office/calling/paper: calls made from a printed call sheet, entered afterwards by staff.
 * One small form per person; each save carries its own Idempotency-Key, reused on a retry.
 */
export function PaperPage() {
  const user = useUser();
  if (user.role === 'caller') return <ForbiddenPage />;
  return <PaperScreen />;
}

function PaperScreen() {
  const t = useCallingT();
  const { t: officeT } = useT();
  const ws = useWorkspace();
  const [params, setParams] = useSearchParams();
  const { campaigns, failed } = useCallingCampaigns();
  const campaignId = params.get('campaign') ?? campaigns?.[0]?.id ?? '';
  const municipalityCode = params.get('municipality') ?? ws.municipalities[0]?.code ?? '';
  const [list, setList] = useState<CallableList | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [reload, setReload] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` asks for the list again
  useEffect(() => {
    if (!campaignId || !municipalityCode) return;
    setList(null);
    setLoadFailed(false);
    callingApi
      .callable(campaignId, municipalityCode)
      .then(setList)
      .catch(() => setLoadFailed(true));
  }, [campaignId, municipalityCode, reload]);

  const choose = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };

  if (failed) return <Page title={t('paper.title')}>{officeT('errors.loadFailed')}</Page>;
  if (!campaigns || ws.status === 'loading') return <Loading />;
  return (
    <Page title={t('paper.title')} intro={t('paper.pageIntro')}>
      <p>
        <DsLink asChild>
          <Link to="/calling">{t('paper.back')}</Link>
        </DsLink>
      </p>
      {campaigns.length === 0 ? (
        <Paragraph>{t('screen.noCampaigns')}</Paragraph>
      ) : (
        <div className="office-form calling-choices">
          <SelectField
            id="paper-campaign"
            label={t('screen.campaign')}
            value={campaignId}
            onChange={(e) => choose('campaign', e.target.value)}
            options={campaigns.map((c) => ({ value: c.id, label: c.name }))}
          />
          <SelectField
            id="paper-municipality"
            label={t('screen.municipality')}
            value={municipalityCode}
            onChange={(e) => choose('municipality', e.target.value)}
            options={ws.municipalities.map((m) => ({ value: m.code, label: m.name }))}
          />
        </div>
      )}
      {loadFailed && <LoadFailed onRetry={() => setReload((n) => n + 1)} />}
      {campaigns.length > 0 && !list && !loadFailed && <Loading />}
      {list && list.prospects.length === 0 && <Paragraph>{t('paper.empty')}</Paragraph>}
      {list && list.prospects.length > 0 && (
        <ul className="calling-paper-list">
          {list.prospects.map((p) => (
            <li key={p.id}>
              <PaperRow campaignId={list.campaignId} prospect={p} />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

function PaperRow({ campaignId, prospect }: { campaignId: string; prospect: CallableProspect }) {
  const t = useCallingT();
  const [outcome, setOutcome] = useState<CallOutcome | ''>('');
  const [calledAt, setCalledAt] = useState(() => localInput(new Date()));
  const [callBackAt, setCallBackAt] = useState('');
  const [interests, setInterests] = useState<Interest[]>([]);
  const [notes, setNotes] = useState('');
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const key = useRef<string | null>(null);
  const id = (name: string) => `paper-${name}-${prospect.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!outcome) {
      setFieldErrors({ outcome: t('paper.chooseOutcome') });
      return;
    }
    key.current ??= crypto.randomUUID();
    const idempotencyKey = key.current;
    setState('saving');
    setFieldErrors({});
    setMessage(null);
    try {
      await withOneRetry(() =>
        callingApi.savePaperCall(
          campaignId,
          {
            prospectId: prospect.id,
            outcome,
            calledAt: new Date(calledAt).toISOString(),
            ...(outcome === 'call_back' && callBackAt
              ? { callBackAt: new Date(callBackAt).toISOString() }
              : {}),
            ...(outcome === 'interested' ? { interests } : {}),
            ...(notes.trim() ? { notes: notes.trim() } : {}),
          },
          idempotencyKey,
        ),
      );
      setState('saved');
    } catch (error) {
      setState('failed');
      if (error instanceof CallingApiError && error.status === 400) {
        // A changed form is a new attempt: the next save gets a new key.
        key.current = null;
        const fields: Record<string, string> = {};
        for (const issue of error.fields) {
          fields[issue.field] =
            issue.field === 'calledAt'
              ? t('paper.future')
              : issue.field === 'callBackAt'
                ? t('screen.callBackAt')
                : issue.message;
        }
        setFieldErrors(fields);
      } else {
        if (error instanceof CallingApiError && error.status !== 0) key.current = null;
        setMessage(failureText(error));
      }
    }
  }

  function failureText(error: unknown): string {
    if (!(error instanceof CallingApiError)) return t('screen.failed');
    if (error.status === 0) return t('screen.network');
    if (error.status === 401) return t('screen.signedOut');
    if (error.status === 404) return t('screen.gone');
    if (error.reason === 'not_carded') return t('paper.notCarded');
    if (error.reason === 'claimed') return t('paper.claimed');
    return t('screen.failed');
  }

  const saved = state === 'saved';
  return (
    <form className="calling-paper-row" onSubmit={submit} noValidate aria-labelledby={id('name')}>
      <Heading level={2} data-size="xs" id={id('name')}>
        {prospect.name}
      </Heading>
      <Paragraph data-size="sm">
        {[prospect.household, prospect.phone ? displayPhone(prospect.phone) : null]
          .filter(Boolean)
          .join(' · ')}
      </Paragraph>
      <Fieldset disabled={saved || state === 'saving'} className="calling-paper-fields">
        <Fieldset.Legend className="office-visually-hidden">{prospect.name}</Fieldset.Legend>
        <SelectField
          id={id('outcome')}
          label={t('paper.outcome')}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as CallOutcome | '')}
          options={[
            { value: '', label: t('paper.chooseOutcome') },
            ...OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) })),
          ]}
          error={fieldErrors.outcome}
        />
        <TextField
          id={id('called-at')}
          label={t('paper.calledAt')}
          type="datetime-local"
          value={calledAt}
          onChange={(e) => setCalledAt(e.target.value)}
          error={fieldErrors.calledAt}
        />
        {outcome === 'call_back' && (
          <TextField
            id={id('call-back')}
            label={t('screen.callBackAt')}
            type="datetime-local"
            value={callBackAt}
            onChange={(e) => setCallBackAt(e.target.value)}
            error={fieldErrors.callBackAt}
          />
        )}
        {outcome === 'interested' && (
          <Fieldset>
            <Fieldset.Legend>{t('screen.interestsLegend')}</Fieldset.Legend>
            {INTERESTS.map((interest) => (
              <Field key={interest}>
                <Input
                  type="checkbox"
                  id={id(`interest-${interest}`)}
                  checked={interests.includes(interest)}
                  onChange={(e) =>
                    setInterests((l) =>
                      e.target.checked ? [...l, interest] : l.filter((x) => x !== interest),
                    )
                  }
                />
                <Label htmlFor={id(`interest-${interest}`)} weight="regular">
                  {t(`interests.${interest}`)}
                </Label>
              </Field>
            ))}
          </Fieldset>
        )}
        <TextField
          id={id('notes')}
          label={t('paper.notes')}
          value={notes}
          maxLength={2000}
          onChange={(e) => setNotes(e.target.value)}
          error={fieldErrors.notes}
        />
        <div className="office-actions">
          <Button type="submit" data-size="sm" loading={state === 'saving'}>
            {t('paper.save')}
          </Button>
        </div>
      </Fieldset>
      <div role="status">
        {saved && (
          <Alert data-color="success" data-size="sm">
            <Paragraph data-size="sm">
              {t('paper.saved')}: {outcome ? t(`outcomes.${outcome}`) : ''}
            </Paragraph>
          </Alert>
        )}
        {message && (
          <Alert data-color="danger" data-size="sm">
            <Paragraph data-size="sm">
              {t('paper.failed')}: {message}
            </Paragraph>
          </Alert>
        )}
        {!message && fieldErrors.prospectId && (
          <ValidationMessage>{fieldErrors.prospectId}</ValidationMessage>
        )}
      </div>
    </form>
  );
}
