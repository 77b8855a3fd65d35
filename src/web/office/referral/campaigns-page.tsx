import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  errorsFrom,
  FormErrorSummary,
  type FormErrors,
  noErrors,
  SelectField,
  TextField,
} from '../components/forms.js';
import { LoadFailed, Loading, Page, TableScroll } from '../components/page.js';
import { useT } from '../i18n.js';
import { type Campaign, referralApi } from './api.js';
import { CampaignDetail } from './campaign-detail.js';
import { useReferralT } from './text.js';

const KINDS = ['referral', 'job_showcase', 'start_up', 'event_series'] as const;
const STATUSES = ['draft', 'open', 'closed'] as const;

/**
 * Campaigns: the list, a form for a new one, and one campaign's prospects, duplicates and
 * postcards (`?id=`), so the screen needs one route.
 */
export function CampaignsPage() {
  const [params] = useSearchParams();
  const id = params.get('id');
  return id ? <CampaignDetail id={id} /> : <CampaignList />;
}

function CampaignList() {
  const r = useReferralT();
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [reload, setReload] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload asks for a fresh list
  useEffect(() => {
    let live = true;
    setFailed(false);
    referralApi
      .campaigns()
      .then((res) => live && setCampaigns(res.campaigns))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [reload]);

  return (
    <Page title={r('office.title')} intro={r('office.intro')}>
      {failed && <LoadFailed onRetry={() => setReload((n) => n + 1)} />}
      {!failed && !campaigns && <Loading />}
      {campaigns && campaigns.length === 0 && <Paragraph>{r('office.none')}</Paragraph>}
      {campaigns && campaigns.length > 0 && (
        <TableScroll label={r('office.title')}>
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{r('office.name')}</Table.HeaderCell>
                <Table.HeaderCell>{r('office.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{r('office.status')}</Table.HeaderCell>
                <Table.HeaderCell>{r('office.period')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {campaigns.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>
                    <Link className="ds-link" to={`/campaigns?id=${encodeURIComponent(c.id)}`}>
                      {c.name}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{r(`office.kinds.${c.kind}`)}</Table.Cell>
                  <Table.Cell>{r(`office.statuses.${c.status}`)}</Table.Cell>
                  <Table.Cell>{`${c.startsOn} – ${c.endsOn}`}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <NewCampaign onCreated={() => setReload((n) => n + 1)} />
    </Page>
  );
}

const FIELDS = [
  'name',
  'slug',
  'kind',
  'status',
  'startsOn',
  'endsOn',
  'title',
  'intro',
  'message',
];

function NewCampaign({ onCreated }: { onCreated: () => void }) {
  const { t } = useT();
  const r = useReferralT();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const v = Object.fromEntries(FIELDS.map((f) => [f, String(new FormData(form).get(f) ?? '')]));
    setBusy(true);
    try {
      await referralApi.createCampaign({
        name: v.name!,
        ...(v.slug ? { slug: v.slug } : {}),
        kind: v.kind as Campaign['kind'],
        status: v.status as Campaign['status'],
        startsOn: v.startsOn!,
        endsOn: v.endsOn!,
        texts: { nb: { title: v.title || v.name!, intro: v.intro! } },
        postcardMessage: v.message!,
      });
      setErrors(noErrors);
      form.reset();
      onCreated();
    } catch (error) {
      setErrors(
        errorsFrom(t, error, {
          name: 'name',
          slug: 'slug',
          startsOn: 'startsOn',
          endsOn: 'endsOn',
          'texts.nb.title': 'title',
          'texts.nb.intro': 'intro',
          postcardMessage: 'message',
        }),
      );
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const labels = {
    name: r('office.name'),
    slug: r('office.slug'),
    startsOn: r('office.startsOn'),
    endsOn: r('office.endsOn'),
    title: r('office.formTitle'),
    intro: r('office.formIntro'),
    message: r('office.postcardMessage'),
  };
  return (
    <section aria-labelledby="new-campaign" className="office-section">
      <Heading level={2} data-size="sm" id="new-campaign">
        {r('office.newTitle')}
      </Heading>
      <FormErrorSummary t={t} errors={errors} attempt={attempt} labels={labels} />
      <form onSubmit={submit} noValidate className="office-form">
        <TextField id="name" label={labels.name} required error={errors.fields.name} />
        <TextField
          id="slug"
          label={labels.slug}
          description={r('office.slugHint')}
          error={errors.fields.slug}
        />
        <SelectField
          id="kind"
          label={r('office.kind')}
          options={KINDS.map((k) => ({ value: k, label: r(`office.kinds.${k}`) }))}
        />
        <SelectField
          id="status"
          label={r('office.status')}
          options={STATUSES.map((s) => ({ value: s, label: r(`office.statuses.${s}`) }))}
        />
        <TextField
          id="startsOn"
          type="date"
          label={labels.startsOn}
          error={errors.fields.startsOn}
        />
        <TextField id="endsOn" type="date" label={labels.endsOn} error={errors.fields.endsOn} />
        <TextField id="title" label={labels.title} error={errors.fields.title} />
        <TextField id="intro" label={labels.intro} error={errors.fields.intro} />
        <TextField
          id="message"
          label={labels.message}
          description={r('office.postcardMessageHint')}
          error={errors.fields.message}
        />
        <Button type="submit" disabled={busy}>
          {r('office.create')}
        </Button>
      </form>
    </section>
  );
}
