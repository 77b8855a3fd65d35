import {
  JOB_DEADLINES,
  JOB_EXTENTS,
  JOB_SECTORS,
  JOB_SORTS,
  type JobAdSummary,
  type JobSearchField,
} from '../../../contracts/jobs.js';
import { intlTag, type Locale } from '../../i18n/locales.js';
import {
  Button,
  ErrorSummary,
  ErrorSummaryHeading,
  ErrorSummaryItem,
  ErrorSummaryLink,
  ErrorSummaryList,
  Field,
  FieldDescription,
  Heading,
  Input,
  Label,
  Paragraph,
  Select,
} from '../../ui/ds-server.js';
import { localePath } from '../text.js';
import type { JobsPageProps } from './render.js';
import type { JobsTranslate } from './text.js';
import type { SearchView } from './types.js';

const fieldId = (field: JobSearchField) => `jobs-${field}`;

const FIELD_LABELS: Record<JobSearchField, Parameters<JobsTranslate>[0]> = {
  q: 'search.q',
  municipality: 'search.municipality',
  occupation: 'search.occupation',
  sector: 'search.sector',
  extent: 'search.extent',
  deadline: 'search.deadline',
  sort: 'search.sort',
  page: 'search.page',
};

const dayFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A date as the visitor reads it: "1. desember 2026" (one formatter per language, reused). */
export function dayText(locale: Locale, isoDate: string): string {
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlTag[locale], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Oslo',
    });
    dayFormats.set(locale, format);
  }
  return format.format(new Date(`${isoDate.slice(0, 10)}T12:00:00Z`));
}

/** The deadline as NAV wrote it, or its date in the visitor's language. */
export function deadlineText(
  locale: Locale,
  ad: Pick<JobAdSummary, 'applicationDueDate' | 'applicationDueText'>,
) {
  if (ad.applicationDueDate) return dayText(locale, ad.applicationDueDate);
  return ad.applicationDueText ?? null;
}

function SelectField(props: {
  t: JobsTranslate;
  field: JobSearchField;
  view: SearchView;
  options: Array<{ value: string; label: string }>;
  any?: boolean;
}) {
  const { t, field, view } = props;
  const invalid = view.errors.includes(field);
  return (
    <Field>
      <Label htmlFor={fieldId(field)}>{t(FIELD_LABELS[field])}</Label>
      <Select
        id={fieldId(field)}
        name={field}
        defaultValue={view.values[field] ?? ''}
        aria-invalid={invalid ? true : undefined}
      >
        {props.any === false ? null : <option value="">{t('search.any')}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function SearchForm({ input, t, view }: JobsPageProps & { view: SearchView }) {
  const qInvalid = view.errors.includes('q');
  return (
    <form
      method="get"
      action={localePath(input.locale, '/jobber')}
      className="fh-jobs-form"
      aria-labelledby="jobs-form-title"
    >
      <Heading level={2} data-size="sm" id="jobs-form-title">
        {t('search.formTitle')}
      </Heading>
      <Field>
        <Label htmlFor={fieldId('q')}>{t('search.q')}</Label>
        <FieldDescription id="jobs-q-hint">{t('search.qHint')}</FieldDescription>
        <Input
          id={fieldId('q')}
          name="q"
          type="search"
          defaultValue={view.values.q ?? ''}
          aria-describedby="jobs-q-hint"
          aria-invalid={qInvalid ? true : undefined}
          autoComplete="off"
        />
      </Field>
      <div className="fh-jobs-form__filters">
        <SelectField
          t={t}
          view={view}
          field="municipality"
          options={input.region.municipalities.map((m) => ({ value: m.code, label: m.name }))}
        />
        <SelectField
          t={t}
          view={view}
          field="occupation"
          options={view.occupations.map((o) => ({ value: o.code, label: o.name }))}
        />
        <SelectField
          t={t}
          view={view}
          field="sector"
          options={JOB_SECTORS.map((s) => ({ value: s, label: t(`search.sectors.${s}`) }))}
        />
        <SelectField
          t={t}
          view={view}
          field="extent"
          options={JOB_EXTENTS.map((s) => ({ value: s, label: t(`search.extents.${s}`) }))}
        />
        <SelectField
          t={t}
          view={view}
          field="deadline"
          options={JOB_DEADLINES.map((s) => ({ value: s, label: t(`search.deadlines.${s}`) }))}
        />
        <SelectField
          t={t}
          view={view}
          field="sort"
          any={false}
          options={JOB_SORTS.map((s) => ({ value: s, label: t(`search.sorts.${s}`) }))}
        />
      </div>
      <div className="fh-jobs-form__actions">
        <Button type="submit">{t('search.submit')}</Button>
        <a className="ds-link" href={localePath(input.locale, '/jobber')}>
          {t('search.reset')}
        </a>
      </div>
    </form>
  );
}

function Errors({ t, view }: JobsPageProps & { view: SearchView }) {
  return (
    <ErrorSummary>
      <ErrorSummaryHeading>{t('search.errorsTitle')}</ErrorSummaryHeading>
      <Paragraph>{t('search.errorsIntro')}</Paragraph>
      <ErrorSummaryList>
        {view.errors.map((field) => (
          <ErrorSummaryItem key={field}>
            <ErrorSummaryLink href={`#${field === 'page' ? 'jobs-results' : fieldId(field)}`}>
              {t('search.invalid', { field: t(FIELD_LABELS[field]) })}
            </ErrorSummaryLink>
          </ErrorSummaryItem>
        ))}
      </ErrorSummaryList>
    </ErrorSummary>
  );
}

function AdItem({ input, t, ad }: JobsPageProps & { ad: JobAdSummary }) {
  const deadline = deadlineText(input.locale, ad);
  return (
    <li className="ds-card fh-card fh-job" data-color="neutral">
      <Heading level={3} data-size="xs">
        <a className="fh-card__link" href={localePath(input.locale, `/jobber/${ad.id}`)}>
          {ad.title}
        </a>
      </Heading>
      <Paragraph data-size="sm">{ad.employerName}</Paragraph>
      <Paragraph data-size="sm" className="fh-card__meta">
        {ad.workCity === ad.municipalityName
          ? ad.workCity
          : `${ad.workCity}, ${ad.municipalityName}`}
        {deadline ? ` · ${t('search.deadlineLabel', { deadline })}` : ''}
      </Paragraph>
    </li>
  );
}

/** A link to another page of the same search. */
function pageHref(input: JobsPageProps['input'], view: SearchView, page: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(view.values)) if (v && k !== 'page') params.set(k, v);
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return localePath(input.locale, '/jobber') + (qs ? `?${qs}` : '');
}

function Results(props: JobsPageProps & { view: SearchView }) {
  const { input, t, view } = props;
  const result = view.result;
  if (!result) return null;
  return (
    <section className="fh-section" aria-labelledby="jobs-results">
      <Heading level={2} data-size="md" id="jobs-results" tabIndex={-1}>
        {t('search.results', { count: result.total })}
      </Heading>
      {result.total === 0 ? <Paragraph>{t('search.none')}</Paragraph> : null}
      {result.ads.length > 0 ? (
        <ul className="fh-cards fh-jobs">
          {result.ads.map((ad) => (
            <AdItem key={ad.id} {...props} ad={ad} />
          ))}
        </ul>
      ) : null}
      {result.pages > 1 ? (
        <nav aria-label={t('search.pagination')} className="fh-jobs-pages">
          <Paragraph>{t('search.pageOf', { page: result.page, pages: result.pages })}</Paragraph>
          <ul>
            {result.page > 1 ? (
              <li>
                <a className="ds-link" rel="prev" href={pageHref(input, view, result.page - 1)}>
                  {t('search.previous')}
                </a>
              </li>
            ) : null}
            {result.page < result.pages ? (
              <li>
                <a className="ds-link" rel="next" href={pageHref(input, view, result.page + 1)}>
                  {t('search.next')}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </section>
  );
}

/** The job search: a GET form that works without script, the results and their pages. */
export function SearchPage(props: JobsPageProps & { view: SearchView }) {
  const { input, t, view } = props;
  return (
    <div className="fh-container fh-section">
      <Heading level={1} data-size="xl">
        {t('search.title')}
      </Heading>
      <Paragraph data-size="lg">{t('search.lead', { region: input.region.name })}</Paragraph>
      {view.errors.length > 0 ? <Errors {...props} /> : null}
      <SearchForm {...props} />
      <Results {...props} />
      <ul className="fh-jobs-links">
        <li>
          <a className="ds-link" href={localePath(input.locale, '/arbeidsmarked')}>
            {t('search.marketLink')}
          </a>
        </li>
        <li>
          <a className="ds-link" href={localePath(input.locale, '/jobber/atom.xml')}>
            {t('search.atom')}
          </a>
        </li>
      </ul>
    </div>
  );
}
