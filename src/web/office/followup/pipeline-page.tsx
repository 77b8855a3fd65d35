import './followup.css';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  errorsFrom,
  type FormErrors,
  noErrors,
  SelectField,
  TextField,
} from '../components/forms.js';
import { LoadFailed, Loading, Page, TableScroll } from '../components/page.js';
import { useT } from '../i18n.js';
import { referralApi } from '../referral/api.js';
import { followupApi, type Pipeline, type PipelineProspect, type PipelineStep } from './api.js';
import { formatDay } from './tasks-page.js';
import { type FollowupKey, type FollowupTranslate, useFollowupT } from './text.js';

/**
 * A campaign's pipeline: counts per stage and municipality, then the people grouped by their
 * furthest stage, each with plain forms (no dragging) to record a visit, a move, settling in,
 * and to undo each.
 */
export function PipelineScreen() {
  const f = useFollowupT();
  const { campaignId = '' } = useParams();
  const [pipeline, setPipeline] = useState<Pipeline | null>(null);
  const [name, setName] = useState('');
  const [failed, setFailed] = useState(false);
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    setFailed(false);
    try {
      const [p, c] = await Promise.all([
        followupApi.pipeline(campaignId),
        referralApi.campaign(campaignId),
      ]);
      setPipeline(p);
      setName(c.name);
    } catch {
      setFailed(true);
    }
  }, [campaignId]);
  useEffect(() => {
    void load();
  }, [load]);

  const changed = async (text: string) => {
    setNotice(text);
    await load();
  };

  return (
    <Page title={f('pipeline.title', { campaign: name })} intro={f('pipeline.intro')}>
      <Paragraph>
        <Link className="ds-link" to="/follow-up">
          {f('pipeline.back')}
        </Link>
      </Paragraph>
      <div role="status" className="followup-notice">
        {notice && <Paragraph>{notice}</Paragraph>}
      </div>
      {failed && <LoadFailed onRetry={() => void load()} />}
      {!failed && !pipeline && <Loading />}
      {pipeline && <Counts f={f} pipeline={pipeline} />}
      {pipeline &&
        [...pipeline.stages].reverse().map((stage) => {
          const people = pipeline.prospects.filter((p) => p.stage === stage);
          return (
            <section key={stage} aria-labelledby={`stage-${stage}`} className="office-section">
              <Heading level={2} data-size="xs" id={`stage-${stage}`}>
                {f('pipeline.stageHeading', {
                  stage: f(`stages.${stage}`),
                  count: people.length,
                })}
              </Heading>
              {people.length === 0 ? (
                <Paragraph data-size="sm">{f('pipeline.empty')}</Paragraph>
              ) : (
                <ul className="followup-people">
                  {people.map((p) => (
                    <Person key={p.id} f={f} person={p} pipeline={pipeline} onChanged={changed} />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
    </Page>
  );
}

function Counts({ f, pipeline }: { f: FollowupTranslate; pipeline: Pipeline }) {
  return (
    <TableScroll labelledBy="pipeline-counts">
      <Table className="office-table" data-size="sm">
        <caption id="pipeline-counts" className="followup-caption">
          {f('pipeline.counts')}
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{f('pipeline.municipality')}</Table.HeaderCell>
            {pipeline.stages.map((s) => (
              <Table.HeaderCell key={s}>{f(`stages.${s}`)}</Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {pipeline.municipalities.map((m) => (
            <Table.Row key={m.code}>
              <Table.HeaderCell scope="row">{m.name}</Table.HeaderCell>
              {pipeline.stages.map((s) => (
                <Table.Cell key={s}>{m.counts[s]}</Table.Cell>
              ))}
            </Table.Row>
          ))}
          <Table.Row>
            <Table.HeaderCell scope="row">{f('pipeline.total')}</Table.HeaderCell>
            {pipeline.stages.map((s) => (
              <Table.Cell key={s}>{pipeline.total[s]}</Table.Cell>
            ))}
          </Table.Row>
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

/** The API's (English) messages about these forms, in the reader's language. */
const API_MESSAGES: Record<string, FollowupKey> = {
  'Not in the future': 'pipeline.errors.notInFuture',
  'Not a municipality of the region': 'pipeline.errors.notInRegion',
  'Not before they moved in': 'pipeline.errors.notBeforeMovedIn',
  'A date (YYYY-MM-DD)': 'pipeline.errors.date',
};

interface PersonProps {
  f: FollowupTranslate;
  person: PipelineProspect;
  pipeline: Pipeline;
  onChanged: (text: string) => Promise<void>;
}

function Person({ f, person, pipeline, onChanged }: PersonProps) {
  const { t, tag } = useT();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const municipalityName = (code: string | null) =>
    pipeline.regionMunicipalities.find((m) => m.code === code)?.name ?? code ?? '';
  const base = `p-${person.id}`;

  const run = async (
    work: () => Promise<unknown>,
    text: string,
    fields: Record<string, string>,
  ) => {
    try {
      await work();
      setErrors(noErrors);
      await onChanged(text);
    } catch (error) {
      const found = errorsFrom(t, error, fields);
      const own = (m: string) => {
        const key = API_MESSAGES[m];
        return key ? f(key) : m;
      };
      setErrors({
        fields: Object.fromEntries(Object.entries(found.fields).map(([k, m]) => [k, own(m)])),
        general: found.general.map(own),
      });
    }
  };

  const record = (step: PipelineStep) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const on = String(data.get('on') ?? '');
    const body =
      step === 'moved-in'
        ? { on, municipalityCode: String(data.get('municipalityCode') ?? '') }
        : step === 'settled' && !on
          ? {}
          : { on };
    const ids = { on: `${base}-${step}-on`, municipalityCode: `${base}-${step}-municipality` };
    void run(
      () => followupApi.record(person.id, step, body),
      f('pipeline.saved', { name: person.name }),
      ids,
    );
  };
  const undo = (step: PipelineStep) =>
    void run(
      () => followupApi.undo(person.id, step),
      f('pipeline.undone', { name: person.name }),
      {},
    );

  const today = new Date().toISOString().slice(0, 10);
  return (
    <li className="followup-person">
      <Heading level={3} data-size="2xs">
        {person.name}
      </Heading>
      {person.phone && (
        <a className="ds-link" href={`tel:${person.phone}`}>
          {person.phone}
        </a>
      )}
      <ul className="followup-facts">
        {person.visitingOn && (
          <li>{f('pipeline.visitingOn', { date: formatDay(tag, person.visitingOn) })}</li>
        )}
        {person.movedInOn && (
          <li>
            {f('pipeline.movedInOn', {
              municipality: municipalityName(person.movedInMunicipalityCode),
              date: formatDay(tag, person.movedInOn),
            })}
          </li>
        )}
        {person.settledOn && (
          <li>{f('pipeline.settledOn', { date: formatDay(tag, person.settledOn) })}</li>
        )}
        {person.tippersThanked && <li>{f('pipeline.thanked')}</li>}
      </ul>
      {errors.general.length > 0 && (
        <Paragraph data-size="sm" className="followup-error">
          {errors.general.join(' ')}
        </Paragraph>
      )}
      <details className="followup-record">
        <summary>{f('pipeline.record', { name: person.name })}</summary>
        <form onSubmit={record('visiting')} noValidate className="followup-step">
          <TextField
            id={`${base}-visiting-on`}
            name="on"
            type="date"
            label={`${f('pipeline.visiting')}: ${f('pipeline.date')}`}
            defaultValue={person.visitingOn ?? ''}
            error={errors.fields[`${base}-visiting-on`]}
          />
          <Button type="submit" data-size="sm" variant="secondary">
            {f('pipeline.save')}
          </Button>
          {person.visitingOn && (
            <Button
              type="button"
              data-size="sm"
              variant="tertiary"
              onClick={() => undo('visiting')}
            >
              {f('pipeline.undoVisiting')}
            </Button>
          )}
        </form>
        <form onSubmit={record('moved-in')} noValidate className="followup-step">
          <TextField
            id={`${base}-moved-in-on`}
            name="on"
            type="date"
            max={today}
            label={`${f('pipeline.movedIn')}: ${f('pipeline.date')}`}
            defaultValue={person.movedInOn ?? ''}
            error={errors.fields[`${base}-moved-in-on`]}
          />
          <SelectField
            id={`${base}-moved-in-municipality`}
            name="municipalityCode"
            label={f('pipeline.movedMunicipality')}
            defaultValue={person.movedInMunicipalityCode ?? person.municipalityCode}
            options={pipeline.regionMunicipalities.map((m) => ({ value: m.code, label: m.name }))}
            error={errors.fields[`${base}-moved-in-municipality`]}
          />
          <Button type="submit" data-size="sm" variant="secondary">
            {f('pipeline.save')}
          </Button>
          {person.movedInOn && !person.settledOn && (
            <Button
              type="button"
              data-size="sm"
              variant="tertiary"
              onClick={() => undo('moved-in')}
            >
              {f('pipeline.undoMovedIn')}
            </Button>
          )}
        </form>
        {person.movedInOn && (
          <form onSubmit={record('settled')} noValidate className="followup-step">
            <TextField
              id={`${base}-settled-on`}
              name="on"
              type="date"
              max={today}
              label={`${f('pipeline.settled')}: ${f('pipeline.date')}`}
              defaultValue={person.settledOn ?? ''}
              error={errors.fields[`${base}-settled-on`]}
            />
            <Button type="submit" data-size="sm" variant="secondary">
              {f('pipeline.save')}
            </Button>
            {person.settledOn && (
              <Button
                type="button"
                data-size="sm"
                variant="tertiary"
                onClick={() => undo('settled')}
              >
                {f('pipeline.undoSettled')}
              </Button>
            )}
          </form>
        )}
      </details>
    </li>
  );
}
