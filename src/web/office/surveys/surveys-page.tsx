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
import { api, type Region } from '../api.js';
import { LoadFailed, Loading, Page, TableScroll } from '../components/page.js';
import { useT } from '../i18n.js';
import { useUser } from '../session.js';
import {
  type GroupBy,
  type SummaryFilter,
  type SurveyInfo,
  type SurveySummary,
  surveysApi,
} from './api.js';
import { CheckInSettingsSection } from './check-ins.js';
import { type SurveysTranslate, useSurveysT } from './text.js';

const GROUP_BYS: GroupBy[] = ['municipality', 'region', 'wave', 'campaign'];

/**
 * Survey results: answers by group, where a group under five (and what could reveal one) is
 * shown only as "hidden"; the same figures as CSV and Excel; and the check-in waves.
 */
export function SurveysPage() {
  const s = useSurveysT();
  const { locale, tag } = useT();
  const user = useUser();
  const [surveys, setSurveys] = useState<SurveyInfo[] | null>(null);
  const [regions, setRegions] = useState<Region[]>([]);
  const [survey, setSurvey] = useState('wellbeing');
  const [filter, setFilter] = useState<SummaryFilter>({ groupBy: 'municipality' });
  const [summary, setSummary] = useState<SurveySummary | null>(null);
  const [failed, setFailed] = useState(false);
  const isAdmin = user.role === 'admin';

  useEffect(() => {
    void surveysApi.list(locale).then(
      (r) => setSurveys(r.surveys),
      () => setFailed(true),
    );
    if (isAdmin) {
      void api.regions.list().then(
        (r) => {
          setRegions(r.regions);
          setFilter((f) => ({ ...f, region: f.region ?? r.regions[0]?.id }));
        },
        () => setFailed(true),
      );
    }
  }, [locale, isAdmin]);

  const load = useCallback(async () => {
    if (isAdmin && !filter.region) return;
    setFailed(false);
    try {
      setSummary(await surveysApi.summary(survey, filter));
    } catch {
      setFailed(true);
    }
  }, [survey, filter, isAdmin]);
  useEffect(() => {
    void load();
  }, [load]);

  const info = surveys?.find((x) => x.key === survey);
  return (
    <Page title={s('office.title')} intro={s('office.intro')}>
      <Filters
        s={s}
        surveys={surveys ?? []}
        regions={isAdmin ? regions : []}
        survey={survey}
        filter={filter}
        onChange={(nextSurvey, next) => {
          setSurvey(nextSurvey);
          setFilter(next);
        }}
      />
      {failed && <LoadFailed onRetry={() => void load()} />}
      {!failed && (!summary || !info) && <Loading />}
      {summary && info && (
        <>
          {summary.groups.length === 0 && <Paragraph>{s('office.none')}</Paragraph>}
          {summary.groups.length > 0 &&
            info.questions.map((q) => (
              <QuestionTable key={q.key} s={s} tag={tag} question={q} summary={summary} />
            ))}
          <ul className="office-links">
            {(['csv', 'xlsx'] as const).map((format) => (
              <li key={format}>
                <a
                  className="ds-link"
                  href={surveysApi.exportUrl(survey, filter, format, locale)}
                  download
                >
                  {s(format === 'csv' ? 'office.downloadCsv' : 'office.downloadXlsx')}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {(user.role === 'programme_leader' || (isAdmin && filter.region)) && (
        <CheckInSettingsSection region={isAdmin ? filter.region : undefined} />
      )}
    </Page>
  );
}

interface FiltersProps {
  s: SurveysTranslate;
  surveys: SurveyInfo[];
  regions: Region[];
  survey: string;
  filter: SummaryFilter;
  onChange: (survey: string, filter: SummaryFilter) => void;
}

/** A form, so the quarters and the wave are taken together when "Show" is pressed. */
function Filters({ s, surveys, regions, survey, filter, onChange }: FiltersProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    onChange(String(data.get('survey') ?? survey), {
      region: text('region') ?? filter.region,
      groupBy: (text('groupBy') as GroupBy | undefined) ?? 'municipality',
      wave: text('wave'),
      from: text('from')?.toUpperCase(),
      to: text('to')?.toUpperCase(),
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Fieldset className="office-filters">
        <Fieldset.Legend>{s('office.show')}</Fieldset.Legend>
        {regions.length > 0 && (
          <Field>
            <Label htmlFor="survey-region">{s('office.groupByOptions.region')}</Label>
            <Select id="survey-region" name="region" defaultValue={filter.region}>
              {regions.map((r) => (
                <Select.Option key={r.id} value={r.id}>
                  {r.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
        <Field>
          <Label htmlFor="survey-key">{s('office.survey')}</Label>
          <Select id="survey-key" name="survey" defaultValue={survey}>
            {surveys.map((x) => (
              <Select.Option key={x.key} value={x.key}>
                {x.title}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="survey-group-by">{s('office.groupBy')}</Label>
          <Select id="survey-group-by" name="groupBy" defaultValue={filter.groupBy}>
            {GROUP_BYS.map((g) => (
              <Select.Option key={g} value={g}>
                {s(`office.groupByOptions.${g}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="survey-wave">{s('office.wave')}</Label>
          <Input id="survey-wave" name="wave" defaultValue={filter.wave ?? ''} size={8} />
        </Field>
        {(['from', 'to'] as const).map((k) => (
          <Field key={k}>
            <Label htmlFor={`survey-${k}`}>{s(`office.${k}`)}</Label>
            <Field.Description id={`survey-${k}-hint`}>{s('office.quarterHint')}</Field.Description>
            <Input
              id={`survey-${k}`}
              name={k}
              defaultValue={filter[k] ?? ''}
              size={8}
              aria-describedby={`survey-${k}-hint`}
            />
          </Field>
        ))}
        <div className="office-actions">
          <Button type="submit">{s('office.show')}</Button>
        </div>
      </Fieldset>
    </form>
  );
}

interface QuestionTableProps {
  s: SurveysTranslate;
  tag: string;
  question: SurveyInfo['questions'][number];
  summary: SurveySummary;
}

/** One question: a row per group; hidden figures say so in words, never as a number. */
function QuestionTable({ s, tag, question, summary }: QuestionTableProps) {
  const scale = question.type === 'scale5' || question.type === 'scale10';
  const options = scale ? [] : [...question.options, { key: 'none', label: s('office.noAnswer') }];
  const captionId = `survey-q-${question.key}`;
  const number = (n: number) => new Intl.NumberFormat(tag).format(n);
  const hidden = <span>{s('office.hidden')}</span>;
  return (
    <section className="office-section" aria-labelledby={`${captionId}-title`}>
      <Heading level={2} data-size="xs" id={`${captionId}-title`}>
        {question.label}
      </Heading>
      <TableScroll labelledBy={captionId}>
        <Table className="office-table" data-size="sm">
          <caption id={captionId}>{s('office.caption', { question: question.label })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{s('office.group')}</Table.HeaderCell>
              <Table.HeaderCell>{s('office.responses')}</Table.HeaderCell>
              {scale && <Table.HeaderCell>{s('office.average')}</Table.HeaderCell>}
              {options.map((o) => (
                <Table.HeaderCell key={o.key}>{o.label}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {summary.groups.map((g) => {
              const q = g.questions.find((x) => x.key === question.key);
              const why =
                g.suppressed === 'small' ? 'office.hiddenSmall' : 'office.hiddenComplement';
              return (
                <Table.Row key={g.key ?? 'none'}>
                  <Table.HeaderCell scope="row">
                    {g.key === null ? s('office.noGroup') : g.label}
                  </Table.HeaderCell>
                  <Table.Cell>{g.n === null ? s(why) : number(g.n)}</Table.Cell>
                  {scale && <Table.Cell>{q?.mean == null ? hidden : number(q.mean)}</Table.Cell>}
                  {options.map((o) => {
                    const count = q?.counts?.[o.key];
                    return (
                      <Table.Cell key={o.key}>
                        {count === undefined || count === null ? hidden : number(count)}
                      </Table.Cell>
                    );
                  })}
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </TableScroll>
    </section>
  );
}
