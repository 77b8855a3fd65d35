import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import {
  Alert,
  Button,
  ErrorSummary,
  ErrorSummaryHeading,
  ErrorSummaryItem,
  ErrorSummaryLink,
  ErrorSummaryList,
  Field,
  Fieldset,
  FieldsetLegend,
  Heading,
  Input,
  Label,
  Paragraph,
  ValidationMessage,
} from '../../ui/ds-server.js';
import { Layout } from '../layout.js';
import { localePath, siteTranslator } from '../text.js';
import { type SurveyTranslate, surveyTranslator } from './text.js';
import type { SurveyFormState, SurveyPageInput, SurveyPageQuestion } from './types.js';

/**
 * The public survey pages: the form, the thank-you, and the one page for every link that
 * cannot be answered (expired, used, cancelled or unknown look the same). No script.
 */

function document(input: SurveyPageInput, title: string, body: ReactNode): string {
  const html = renderToStaticMarkup(
    <html lang={input.locale} data-color-scheme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${input.region.name}`}</title>
        <meta name="robots" content="noindex" />
        <link rel="stylesheet" href={input.assets.css} />
        {input.assets.regionCss ? <link rel="stylesheet" href={input.assets.regionCss} /> : null}
        {/* The region's own favicon (visual profile), on every page of the site. */}
        {input.assets.favicon ? <link rel="icon" href={input.assets.favicon} /> : null}
      </head>
      <body>
        <Layout
          input={{ ...input, origin: '', page: { kind: 'front' } }}
          t={siteTranslator(input.locale)}
          regionName={input.region.name}
        >
          <div className="fh-container fh-section fh-prose">{body}</div>
        </Layout>
      </body>
    </html>,
  );
  return `<!doctype html>${html}`;
}

const inputId = (question: string, value: string) => `q-${question}-${value}`;
const questionId = (question: string) => `q-${question}`;
/** The error summary links to the question's first choice, which takes the focus. */
const firstInputOf = (state: SurveyFormState, key: string) => {
  const q = state.questions.find((x) => x.key === key);
  return q?.options[0] ? inputId(key, q.options[0].value) : questionId(key);
};

function Question({
  q,
  state,
  t,
}: {
  q: SurveyPageQuestion;
  state: SurveyFormState;
  t: SurveyTranslate;
}) {
  const error = state.errors.find((e) => e.field === q.key);
  const hintId = `${questionId(q.key)}-hint`;
  const errorId = `${questionId(q.key)}-error`;
  const scale = q.type === 'scale5' || q.type === 'scale10';
  const hint = scale
    ? t('page.scaleLegend', {
        low: q.low ?? '',
        high: q.high ?? '',
        min: q.options[0]?.value ?? '',
        max: q.options.at(-1)?.value ?? '',
      })
    : t('page.optional');
  const described = error ? `${hintId} ${errorId}` : hintId;
  return (
    <Fieldset id={questionId(q.key)} aria-describedby={described}>
      <FieldsetLegend>{q.label}</FieldsetLegend>
      <Paragraph data-size="sm" id={hintId}>
        {hint}
      </Paragraph>
      {error ? <ValidationMessage id={errorId}>{error.message}</ValidationMessage> : null}
      {q.options.map((o) => (
        <Field key={o.value}>
          <Input
            type="radio"
            id={inputId(q.key, o.value)}
            name={q.key}
            value={o.value}
            defaultChecked={state.values[q.key] === o.value}
            aria-invalid={error ? true : undefined}
          />
          <Label htmlFor={inputId(q.key, o.value)}>{o.label}</Label>
        </Field>
      ))}
    </Fieldset>
  );
}

export function renderSurveyForm(input: SurveyPageInput, state: SurveyFormState): string {
  const t = surveyTranslator(input.locale);
  const body = (
    <>
      <Heading level={1} data-size="xl">
        {state.title}
      </Heading>
      {state.errors.length > 0 ? (
        <ErrorSummary>
          <ErrorSummaryHeading>{t('page.errorSummary')}</ErrorSummaryHeading>
          <ErrorSummaryList>
            {state.errors.map((e) => (
              <ErrorSummaryItem key={e.field}>
                <ErrorSummaryLink href={`#${firstInputOf(state, e.field)}`}>
                  {e.message}
                </ErrorSummaryLink>
              </ErrorSummaryItem>
            ))}
          </ErrorSummaryList>
        </ErrorSummary>
      ) : null}
      {state.notice ? <Alert data-color="warning">{t(`page.${state.notice}`)}</Alert> : null}
      <Paragraph data-size="lg">{state.intro}</Paragraph>
      <Paragraph data-size="sm">{t('page.anonymous')}</Paragraph>
      <form method="post" action={localePath(input.locale, input.path)} noValidate>
        <input type="hidden" name="form" value={state.formToken} />
        {state.questions.map((q) => (
          <div className="fh-section" key={q.key}>
            <Question q={q} state={state} t={t} />
          </div>
        ))}
        <div className="fh-section">
          <Button type="submit">{t('page.submit')}</Button>
        </div>
      </form>
    </>
  );
  return document(input, state.title, body);
}

export function renderSurveyThanks(input: SurveyPageInput): string {
  const t = surveyTranslator(input.locale);
  const title = t('page.thanksTitle');
  return document(
    input,
    title,
    <>
      <Heading level={1} data-size="xl">
        {title}
      </Heading>
      <Paragraph data-size="lg">{t('page.thanksBody')}</Paragraph>
    </>,
  );
}

/** The same page, word for word, for a link that is expired, used, cancelled or unknown. */
export function renderSurveyUnavailable(input: SurveyPageInput): string {
  const t = surveyTranslator(input.locale);
  const title = t('page.unavailableTitle');
  return document(
    input,
    title,
    <>
      <Heading level={1} data-size="xl">
        {title}
      </Heading>
      <Paragraph data-size="lg">{t('page.unavailableBody')}</Paragraph>
      <Paragraph>{t('page.unavailableContact')}</Paragraph>
    </>,
  );
}
