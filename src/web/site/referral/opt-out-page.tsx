import {
  Alert,
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
  ValidationMessage,
} from '../../ui/ds-server.js';
import { localePath } from '../text.js';
import type { ReferralPageProps } from './render.js';
import type { OptOutState } from './types.js';

/** What the postcard's privacy notice points to: who, why, where from, the rights. */
function About({ input, t }: ReferralPageProps) {
  const region = input.region.name;
  return (
    <section className="fh-section" aria-labelledby="opt-out-about">
      <Heading level={2} data-size="sm" id="opt-out-about">
        {t('optOut.aboutTitle')}
      </Heading>
      <Paragraph>{t('optOut.about.who', { region })}</Paragraph>
      <Paragraph>{t('optOut.about.why')}</Paragraph>
      <Paragraph>{t('optOut.about.source')}</Paragraph>
      <Paragraph>{t('optOut.about.basis')}</Paragraph>
      <Paragraph>{t('optOut.about.rights')}</Paragraph>
    </section>
  );
}

function OptOutField({
  t,
  state,
  field,
}: ReferralPageProps & { state: OptOutState; field: 'code' | 'phone' }) {
  const id = `opt-out-${field}`;
  const error = state.error?.field === field ? state.error : undefined;
  return (
    <Field>
      <Label htmlFor={id}>{t(field === 'code' ? 'optOut.codeLabel' : 'optOut.phoneLabel')}</Label>
      <FieldDescription id={`${id}-hint`}>
        {t(field === 'code' ? 'optOut.codeHint' : 'optOut.phoneHint')}
      </FieldDescription>
      {error ? <ValidationMessage id={`${id}-error`}>{error.message}</ValidationMessage> : null}
      <Input
        id={id}
        name={field}
        type={field === 'phone' ? 'tel' : 'text'}
        autoComplete={field === 'phone' ? 'tel' : 'off'}
        defaultValue={state[field]}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
    </Field>
  );
}

/** Opt out with the postcard's code or a phone number; works without JavaScript. */
export function OptOutPage(props: ReferralPageProps & { state: OptOutState }) {
  const { input, t, state } = props;
  return (
    <div className="fh-container fh-section fh-prose">
      <Heading level={1} data-size="xl">
        {t('optOut.title')}
      </Heading>
      {state.error ? (
        <ErrorSummary>
          <ErrorSummaryHeading>{t('form.errorSummary')}</ErrorSummaryHeading>
          <ErrorSummaryList>
            <ErrorSummaryItem>
              <ErrorSummaryLink href={`#opt-out-${state.error.field}`}>
                {state.error.message}
              </ErrorSummaryLink>
            </ErrorSummaryItem>
          </ErrorSummaryList>
        </ErrorSummary>
      ) : null}
      {state.notice ? <Alert data-color="warning">{t('form.tooMany')}</Alert> : null}
      <Paragraph data-size="lg">{t('optOut.lead')}</Paragraph>
      <form method="post" action={localePath(input.locale, '/reservasjon')} noValidate>
        <div className="fh-section fh-stack">
          <OptOutField {...props} field="code" />
          <OptOutField {...props} field="phone" />
        </div>
        <div className="fh-section">
          <Button type="submit">{t('optOut.submit')}</Button>
        </div>
      </form>
      <About {...props} />
    </div>
  );
}

/** The one answer to every well-formed opt-out, known or not. */
export function OptOutDonePage(props: ReferralPageProps) {
  const { t } = props;
  return (
    <div className="fh-container fh-section fh-prose">
      <Heading level={1} data-size="xl">
        {t('optOut.doneTitle')}
      </Heading>
      <Paragraph data-size="lg">{t('optOut.doneBody')}</Paragraph>
      <About {...props} />
    </div>
  );
}
