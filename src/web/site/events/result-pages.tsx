import { Button, Heading, Paragraph } from '../../ui/ds-server.js';
import { localePath } from '../text.js';
import type { EventsPageProps } from './render.js';
import type { DoneOutcome } from './types.js';

const back = (props: EventsPageProps) => (
  <Paragraph>
    <a className="ds-link" href={localePath(props.input.locale, '/arrangementer')}>
      {props.t('event.back')}
    </a>
  </Paragraph>
);

/** After the form: a seat, a place in the waiting list, or an earlier registration. */
export function DonePage(
  props: EventsPageProps & { outcome: DoneOutcome; title: string; seats: number; position: number },
) {
  const { t, outcome } = props;
  const values = { title: props.title, seats: props.seats, position: props.position };
  return (
    <div className="fh-container fh-section fh-prose">
      <Heading level={1} data-size="xl">
        {t(`done.${outcome}Title`)}
      </Heading>
      <Paragraph data-size="lg">{t(`done.${outcome}Body`, values)}</Paragraph>
      {back(props)}
    </div>
  );
}

/** The personal cancel link: a button to confirm (a mail scanner's GET changes nothing). */
export function CancelPage(
  props: EventsPageProps & { token: string; title: string; when: string },
) {
  const { input, t } = props;
  return (
    <div className="fh-container fh-section fh-prose">
      <Heading level={1} data-size="xl">
        {t('cancel.title')}
      </Heading>
      <Paragraph data-size="lg">
        {t('cancel.lead', { title: props.title, when: props.when })}
      </Paragraph>
      <form
        method="post"
        action={localePath(input.locale, `/arrangementer/avmelding/${props.token}`)}
      >
        <Button type="submit">{t('cancel.submit')}</Button>
      </form>
      {back(props)}
    </div>
  );
}

export function CancelResultPage(props: EventsPageProps & { result: 'done' | 'unknown' }) {
  const { t, result } = props;
  return (
    <div className="fh-container fh-section fh-prose">
      <Heading level={1} data-size="xl">
        {t(result === 'done' ? 'cancel.doneTitle' : 'cancel.unknownTitle')}
      </Heading>
      <Paragraph data-size="lg">
        {t(result === 'done' ? 'cancel.doneBody' : 'cancel.unknownBody')}
      </Paragraph>
      {back(props)}
    </div>
  );
}
