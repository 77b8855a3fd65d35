import {
  Alert,
  Button,
  Field,
  Heading,
  Input,
  Label,
  Paragraph,
  ValidationMessage,
} from '../../ui/ds-server.js';
import { localePath } from '../text.js';
import { NewcomerFormPage } from './form-page.js';
import {
  type NewcomerPageInput,
  type NewcomerPageProps,
  renderNewcomerDocument,
} from './render.js';
import { newcomersTranslator } from './text.js';
import type { MovedAwayState, NewcomerFormState } from './types.js';

/** Whole documents for each newcomer page, as the server sends them. */
const tOf = (input: NewcomerPageInput) => newcomersTranslator(input.locale);

export const renderNewcomerForm = (input: NewcomerPageInput, state: NewcomerFormState) =>
  renderNewcomerDocument(input, tOf(input)('form.title'), (p) => (
    <NewcomerFormPage {...p} state={state} />
  ));

function ThanksPage({ input, t }: NewcomerPageProps) {
  return (
    <div className="fh-container fh-section fh-prose">
      <Heading level={1} data-size="xl">
        {t('thanks.title')}
      </Heading>
      <Paragraph data-size="lg">{t('thanks.body')}</Paragraph>
      <Paragraph>
        <a className="ds-link" href={localePath(input.locale, '/')}>
          {t('thanks.back')}
        </a>
      </Paragraph>
    </div>
  );
}

export const renderNewcomerThanks = (input: NewcomerPageInput) =>
  renderNewcomerDocument(input, tOf(input)('thanks.title'), (p) => <ThanksPage {...p} />);

function MovedAwayPage({ input, t, state }: NewcomerPageProps & { state: MovedAwayState }) {
  return (
    <div className="fh-container fh-section fh-prose">
      <Heading level={1} data-size="xl">
        {t('movedAway.title')}
      </Heading>
      {state.already ? (
        <Alert data-color="info">{t('movedAway.already', { date: state.already })}</Alert>
      ) : null}
      <Paragraph data-size="lg">{t('movedAway.lead')}</Paragraph>
      <form
        method="post"
        action={localePath(input.locale, `/ny-i-kommunen/flyttet/${state.code}`)}
        noValidate
      >
        <Field>
          <Label htmlFor="nc-movedAwayOn">{t('movedAway.date')}</Label>
          {state.error ? (
            <ValidationMessage id="nc-movedAwayOn-error">{state.error}</ValidationMessage>
          ) : null}
          <Input
            id="nc-movedAwayOn"
            name="on"
            type="date"
            defaultValue={state.date}
            aria-invalid={state.error ? true : undefined}
            aria-describedby={state.error ? 'nc-movedAwayOn-error' : undefined}
          />
        </Field>
        <div className="fh-section">
          <Button type="submit">{t('movedAway.submit')}</Button>
        </div>
      </form>
    </div>
  );
}

export const renderMovedAway = (input: NewcomerPageInput, state: MovedAwayState) =>
  renderNewcomerDocument(input, tOf(input)('movedAway.title'), (p) => (
    <MovedAwayPage {...p} state={state} />
  ));

function MessagePage({ title, body }: NewcomerPageProps & { title: string; body: string }) {
  return (
    <div className="fh-container fh-section fh-prose">
      <Heading level={1} data-size="xl">
        {title}
      </Heading>
      <Paragraph data-size="lg">{body}</Paragraph>
    </div>
  );
}

export const renderMovedAwayDone = (input: NewcomerPageInput) =>
  renderNewcomerDocument(input, tOf(input)('movedAway.doneTitle'), (p) => (
    <MessagePage {...p} title={p.t('movedAway.doneTitle')} body={p.t('movedAway.done')} />
  ));

export const renderMovedAwayUnknown = (input: NewcomerPageInput) =>
  renderNewcomerDocument(input, tOf(input)('movedAway.title'), (p) => (
    <MessagePage {...p} title={p.t('movedAway.title')} body={p.t('movedAway.unknown')} />
  ));
