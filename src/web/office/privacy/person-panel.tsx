import {
  Alert,
  Button,
  Field,
  Heading,
  Input,
  Label,
  Paragraph,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { ApiError } from '../api.js';
import { SelectField, TextField } from '../components/forms.js';
import { ConfirmDialog } from '../components/page.js';
import type { PersonLookup, PrivacyRequest } from './api.js';
import { privacyApi } from './api.js';
import { usePrivacyT } from './text.js';

/** The categories an erasure reports, as the server counts them. */
const COUNT_KEYS = {
  prospects: 1,
  tipsAbout: 1,
  calls: 1,
  followUpTasks: 1,
  tipsGiven: 1,
  emails: 1,
  staffAccounts: 1,
  suppressions: 1,
} as const;
type CountKey = keyof typeof COUNT_KEYS;

type By = PersonLookup['by'];

interface Draft {
  by: By;
  phone: string;
  email: string;
  name: string;
  addressLine: string;
  postcode: string;
}

const lookupOf = (d: Draft): PersonLookup =>
  d.by === 'phone'
    ? { by: 'phone', phone: d.phone }
    : d.by === 'email'
      ? { by: 'email', email: d.email }
      : { by: 'name_address', name: d.name, addressLine: d.addressLine, postcode: d.postcode };

type Outcome = { kind: 'ok' | 'error'; text: string } | null;

/**
 * Finds a person for an access export (JSON or PDF) or an erasure. A search that finds
 * nobody says only that: nothing about similar people.
 */
export function PersonPanel({
  requests,
  onDone,
}: {
  requests: PrivacyRequest[];
  onDone: () => void;
}) {
  const p = usePrivacyT();
  const [draft, setDraft] = useState<Draft>({
    by: 'phone',
    phone: '',
    email: '',
    name: '',
    addressLine: '',
    postcode: '',
  });
  const [requestId, setRequestId] = useState('');
  const [suppress, setSuppress] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const set = (k: keyof Draft, v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const open = requests.filter((r) => r.status === 'open');

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ kind: 'ok', text: await work() });
      setRequestId('');
      onDone();
    } catch (error) {
      const notFound = error instanceof ApiError && error.status === 404;
      const detail = error instanceof ApiError ? error.details.map((d) => d.message).join(' ') : '';
      setOutcome({
        kind: 'error',
        text: notFound ? p('person.notFound') : detail || String(error),
      });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const exportAs = (format: 'json' | 'pdf') =>
    run(async () => {
      await privacyApi.exportPerson(lookupOf(draft), format, requestId || undefined);
      return p('person.exported');
    });
  const erase = () =>
    run(async () => {
      const { counts } = await privacyApi.erasePerson(
        lookupOf(draft),
        suppress,
        requestId || undefined,
      );
      const summary = Object.entries(counts)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${n} ${k in COUNT_KEYS ? p(`counts.${k as CountKey}`) : k}`)
        .join(', ');
      return p('person.erased', { summary });
    });

  return (
    <section className="office-section" aria-labelledby="privacy-person">
      <Heading level={2} data-size="sm" id="privacy-person" className="office-section-title">
        {p('person.title')}
      </Heading>
      <Paragraph data-size="sm">{p('person.intro')}</Paragraph>
      <form className="office-filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="person-by"
          label={p('person.by')}
          value={draft.by}
          onChange={(e) => set('by', e.target.value)}
          options={[
            { value: 'phone', label: p('person.byPhone') },
            { value: 'email', label: p('person.byEmail') },
            { value: 'name_address', label: p('person.byNameAddress') },
          ]}
        />
        {draft.by === 'phone' && (
          <TextField
            id="person-phone"
            type="tel"
            autoComplete="off"
            label={p('person.phone')}
            value={draft.phone}
            onChange={(e) => set('phone', e.target.value)}
          />
        )}
        {draft.by === 'email' && (
          <TextField
            id="person-email"
            type="email"
            autoComplete="off"
            label={p('person.email')}
            value={draft.email}
            onChange={(e) => set('email', e.target.value)}
          />
        )}
        {draft.by === 'name_address' && (
          <>
            <TextField
              id="person-name"
              autoComplete="off"
              label={p('person.name')}
              value={draft.name}
              onChange={(e) => set('name', e.target.value)}
            />
            <TextField
              id="person-address"
              autoComplete="off"
              label={p('person.addressLine')}
              value={draft.addressLine}
              onChange={(e) => set('addressLine', e.target.value)}
            />
            <TextField
              id="person-postcode"
              inputMode="numeric"
              autoComplete="off"
              label={p('person.postcode')}
              value={draft.postcode}
              onChange={(e) => set('postcode', e.target.value)}
            />
          </>
        )}
        <SelectField
          id="person-request"
          label={p('person.request')}
          value={requestId}
          onChange={(e) => setRequestId(e.target.value)}
          options={[
            { value: '', label: p('person.noRequest') },
            ...open.map((r) => ({
              value: r.id,
              label: `${p(`requests.kinds.${r.kind}`)} ${r.reference ?? ''} (${r.receivedOn})`,
            })),
          ]}
        />
        <Field>
          <Input
            type="checkbox"
            id="person-suppress"
            checked={suppress}
            onChange={(e) => setSuppress(e.target.checked)}
          />
          <Label htmlFor="person-suppress" weight="regular">
            {p('person.suppress')}
          </Label>
        </Field>
        <div className="office-actions">
          <Button type="button" onClick={() => exportAs('json')} loading={busy}>
            {p('person.exportJson')}
          </Button>
          <Button type="button" variant="secondary" onClick={() => exportAs('pdf')}>
            {p('person.exportPdf')}
          </Button>
          <Button type="button" data-color="danger" onClick={() => setConfirming(true)}>
            {p('person.erase')}
          </Button>
        </div>
      </form>
      <div role="status">
        {outcome && (
          <Alert
            data-color={outcome.kind === 'ok' ? 'success' : 'warning'}
            className="office-alert"
          >
            {outcome.text}
          </Alert>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title={p('person.confirmTitle')}
        body={p('person.confirmBody')}
        confirmLabel={p('person.erase')}
        danger
        busy={busy}
        onConfirm={erase}
        onCancel={() => setConfirming(false)}
      />
    </section>
  );
}
