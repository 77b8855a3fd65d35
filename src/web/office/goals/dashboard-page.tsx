import './goals.css';
import {
  Button,
  Field,
  Fieldset,
  Heading,
  Input,
  Label,
  Paragraph,
  Select,
  Table,
} from '@digdir/designsystemet-react';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { LoadFailed, Loading, Page, TableScroll } from '../components/page.js';
import { useT } from '../i18n.js';
import { type GoalsEvaluation, goalsApi } from './api.js';
import { formatValue, local } from './format.js';
import { IndicatorCard, StatusTag } from './indicator-card.js';
import { useGoalsRegion } from './region.js';
import { ResidentSurveySection } from './resident-survey.js';
import { type GoalsTranslate, useGoalsT } from './text.js';

/**
 * The goals dashboard: the main goal and phases, every indicator's status at a glance in one
 * table, then each sub-goal's indicators with their trend against the target.
 */
export function GoalsScreen() {
  const g = useGoalsT();
  const { locale, tag } = useT();
  const r = useGoalsRegion();
  const [years, setYears] = useState<{ from?: string; to?: string }>({});
  const [evaluation, setEvaluation] = useState<GoalsEvaluation | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    if (!r.ready) return;
    setFailed(false);
    try {
      setEvaluation(
        await goalsApi.evaluation(
          r.region,
          years.from ? `${years.from}-01-01` : undefined,
          years.to ? `${years.to}-12-31` : undefined,
        ),
      );
    } catch {
      setFailed(true);
    }
  }, [r.ready, r.region, years]);
  useEffect(() => {
    void load();
  }, [load]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const year = (k: string) => {
      const v = String(data.get(k) ?? '').trim();
      return /^\d{4}$/.test(v) ? v : undefined;
    };
    setYears({ from: year('from'), to: year('to') });
  };

  const indicators = evaluation?.subGoals.flatMap((s) => s.indicators) ?? [];
  return (
    <Page title={g('dashboard.title')} intro={g('dashboard.intro')}>
      <ul className="office-links">
        <li>
          <Link className="ds-link" to={r.to('/goals/programme')}>
            {g('dashboard.editProgramme')}
          </Link>
        </li>
        <li>
          <Link className="ds-link" to={r.to('/goals/media')}>
            {g('dashboard.mediaLog')}
          </Link>
        </li>
      </ul>
      <form onSubmit={submit} noValidate>
        <Fieldset className="office-filters">
          <Fieldset.Legend>{g('dashboard.period')}</Fieldset.Legend>
          {r.isAdmin && r.regions.length > 0 && (
            <Field>
              <Label htmlFor="goals-region">{g('dashboard.region')}</Label>
              <Select
                id="goals-region"
                value={r.region ?? ''}
                onChange={(e) => r.choose(e.target.value)}
              >
                {r.regions.map((x) => (
                  <Select.Option key={x.id} value={x.id}>
                    {x.name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          )}
          {(['from', 'to'] as const).map((k) => (
            <Field key={k}>
              <Label htmlFor={`goals-${k}`}>{g(`dashboard.${k}`)}</Label>
              <Input
                id={`goals-${k}`}
                name={k}
                inputMode="numeric"
                size={6}
                defaultValue={years[k] ?? evaluation?.[k].slice(0, 4) ?? ''}
                key={`${k}-${evaluation?.[k] ?? ''}`}
              />
            </Field>
          ))}
          <div className="office-actions">
            <Button type="submit">{g('dashboard.show')}</Button>
          </div>
        </Fieldset>
      </form>
      {failed && <LoadFailed onRetry={() => void load()} />}
      {!failed && !evaluation && <Loading />}
      {evaluation && !evaluation.programme.mainGoal && (
        <Paragraph>{g('dashboard.empty')}</Paragraph>
      )}
      {evaluation?.programme.mainGoal && (
        <>
          <Programme g={g} locale={locale} evaluation={evaluation} />
          <Overview g={g} tag={tag} locale={locale} evaluation={evaluation} />
          {evaluation.subGoals.map((s, i) => (
            <section key={s.id} className="office-section" aria-labelledby={`goal-sub-${i}`}>
              <Heading level={2} data-size="xs" id={`goal-sub-${i}`}>
                {local(s.title, locale)}
              </Heading>
              <div className="goals-cards">
                {s.indicators.map((ind) => (
                  <IndicatorCard
                    key={ind.id}
                    g={g}
                    tag={tag}
                    locale={locale}
                    indicator={ind}
                    linkTo={r.to}
                  />
                ))}
              </div>
            </section>
          ))}
          {indicators.length === 0 && <Paragraph>{g('dashboard.empty')}</Paragraph>}
        </>
      )}
      {r.ready && <ResidentSurveySection region={r.region} />}
    </Page>
  );
}

interface PartProps {
  g: GoalsTranslate;
  locale: string;
  evaluation: GoalsEvaluation;
}

function Programme({ g, locale, evaluation }: PartProps) {
  const { mainGoal, phases } = evaluation.programme;
  return (
    <section className="office-section goals-programme" aria-labelledby="goals-main">
      <Heading level={2} data-size="xs" id="goals-main">
        {g('dashboard.mainGoal')}
      </Heading>
      <Paragraph className="goals-main-goal">{mainGoal ? local(mainGoal, locale) : ''}</Paragraph>
      {phases.length > 0 && (
        <>
          <Heading level={3} data-size="2xs">
            {g('dashboard.phases')}
          </Heading>
          <ul>
            {phases.map((p) => (
              <li key={`${p.name}-${p.from}`}>
                {g('dashboard.phase', {
                  name: p.name,
                  from: p.from.slice(0, 4),
                  to: p.to ? p.to.slice(0, 4) : g('dashboard.ongoing'),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Every indicator's status on one screen: the glance, as a table. */
function Overview({ g, tag, locale, evaluation }: PartProps & { tag: string }) {
  return (
    <section className="office-section" aria-labelledby="goals-overview">
      <Heading level={2} data-size="xs" id="goals-overview">
        {g('dashboard.summary')}
      </Heading>
      <TableScroll labelledBy="goals-overview">
        <Table data-size="sm" className="office-table">
          <caption className="office-visually-hidden">{g('dashboard.summary')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{g('dashboard.indicator')}</Table.HeaderCell>
              <Table.HeaderCell>{g('dashboard.status')}</Table.HeaderCell>
              <Table.HeaderCell>{g('dashboard.latest')}</Table.HeaderCell>
              <Table.HeaderCell>{g('dashboard.target')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {evaluation.subGoals.flatMap((s) =>
              s.indicators.map((ind) => (
                <Table.Row key={ind.id}>
                  <Table.HeaderCell scope="row">{local(ind.name, locale)}</Table.HeaderCell>
                  <Table.Cell>
                    <StatusTag g={g} status={ind.status} />
                  </Table.Cell>
                  <Table.Cell>
                    {ind.latest
                      ? `${formatValue(tag, ind.unit, ind.latest.value)} (${ind.latest.label})`
                      : g('dashboard.none')}
                  </Table.Cell>
                  <Table.Cell>{formatValue(tag, ind.unit, ind.target)}</Table.Cell>
                </Table.Row>
              )),
            )}
          </Table.Body>
        </Table>
      </TableScroll>
    </section>
  );
}
