import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Textarea,
} from '@digdir/designsystemet-react';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { StoryView } from '../../../contracts/content.js';
import { LOCALES, type Locale } from '../../i18n/locales.js';
import { ApiError } from '../api.js';
import { call } from '../api-call.js';
import { SelectField, TextField } from '../components/forms.js';
import { type ContentTranslate, useContentT } from './text.js';

const id = encodeURIComponent;
const storiesApi = {
  list: (newcomerId: string) =>
    call<{ stories: StoryView[] }>('GET', `/api/newcomer-stories?newcomerId=${id(newcomerId)}`),
  create: (body: { newcomerId: string; locale: Locale; title: string; body: string }) =>
    call<StoryView>('POST', '/api/newcomer-stories', body),
  consent: (storyId: string, givenOn: string) =>
    call<StoryView>('PUT', `/api/newcomer-stories/${id(storyId)}/consent`, { givenOn }),
  withdraw: (storyId: string) =>
    call<StoryView>('DELETE', `/api/newcomer-stories/${id(storyId)}/consent`),
  publish: (storyId: string) =>
    call<StoryView>('POST', `/api/newcomer-stories/${id(storyId)}/publish`),
  unpublish: (storyId: string) =>
    call<StoryView>('POST', `/api/newcomer-stories/${id(storyId)}/unpublish`),
};

const dayOf = (iso: string) =>
  new Intl.DateTimeFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'nb-NO', {
    timeZone: 'Europe/Oslo',
    dateStyle: 'medium',
  }).format(new Date(iso));

/** One story: its consent (recorded or withdrawn) and publishing, each a button. */
function Story({
  story,
  t,
  onChange,
  onError,
}: {
  story: StoryView;
  t: ContentTranslate;
  onChange: (run: () => Promise<StoryView>) => void;
  onError: (message: string) => void;
}) {
  const [givenOn, setGivenOn] = useState(new Date().toISOString().slice(0, 10));
  const consented = story.consent && !story.consentWithdrawnAt;
  return (
    <li className="office-section">
      <Heading level={3} data-size="xs">
        {story.title}
      </Heading>
      <Paragraph>
        {story.consentWithdrawnAt
          ? t('stories.withdrawn', { date: dayOf(story.consentWithdrawnAt) })
          : story.consent
            ? t('stories.consentRecorded', {
                date: dayOf(story.consent.givenOn),
                name: story.consent.recordedBy ?? '–',
              })
            : t('stories.noConsent')}{' '}
        {story.publishedAt ? t('stories.isPublished') : t('stories.notPublished')}
      </Paragraph>
      {!consented ? (
        <div className="office-actions">
          <TextField
            id={`story-consent-${story.id}`}
            type="date"
            label={t('stories.consentOn')}
            value={givenOn}
            onChange={(e) => setGivenOn(e.target.value)}
          />
          <Button
            variant="secondary"
            onClick={() => onChange(() => storiesApi.consent(story.id, givenOn))}
          >
            {t('stories.recordConsent')}
          </Button>
        </div>
      ) : (
        <div className="office-actions">
          {story.publishedAt ? (
            <Button
              variant="secondary"
              onClick={() => onChange(() => storiesApi.unpublish(story.id))}
            >
              {t('stories.unpublish')}
            </Button>
          ) : (
            <Button
              onClick={() =>
                onChange(() =>
                  storiesApi.publish(story.id).catch((e: unknown) => {
                    if (e instanceof ApiError && e.code === 'conflict') {
                      onError(t('stories.consentMissing'));
                    }
                    throw e;
                  }),
                )
              }
            >
              {t('stories.publish')}
            </Button>
          )}
          <Button variant="tertiary" onClick={() => onChange(() => storiesApi.withdraw(story.id))}>
            {t('stories.withdraw')}
          </Button>
        </div>
      )}
    </li>
  );
}

/** A newcomer's stories for the website, each published only with the person's consent. */
export function StoriesPanel({ newcomerId }: { newcomerId: string }) {
  const t = useContentT();
  const [stories, setStories] = useState<StoryView[]>([]);
  const [draft, setDraft] = useState({ title: '', body: '', locale: 'nb' as Locale });
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    setStories((await storiesApi.list(newcomerId)).stories);
  }, [newcomerId]);
  useEffect(() => {
    void load().catch(() => setError(t('office.errorSummary')));
  }, [load, t]);

  const change = (run: () => Promise<StoryView>) => {
    setError('');
    run().then(
      () => void load(),
      (e: unknown) => setError((prev) => prev || (e instanceof Error ? e.message : String(e))),
    );
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await storiesApi.create({ newcomerId, ...draft });
      setDraft({ title: '', body: '', locale: draft.locale });
      setError('');
      await load();
    } catch (e) {
      setError(e instanceof ApiError ? (e.details[0]?.message ?? e.message) : String(e));
    }
  };

  return (
    <section aria-labelledby="nc-stories" className="office-section">
      <Heading level={2} data-size="sm" id="nc-stories">
        {t('stories.title')}
      </Heading>
      <Paragraph>{t('stories.lead')}</Paragraph>
      {error ? (
        <Alert data-color="danger" role="alert">
          {error}
        </Alert>
      ) : null}
      {stories.length === 0 ? <Paragraph>{t('stories.none')}</Paragraph> : null}
      <ul className="office-list">
        {stories.map((s) => (
          <Story key={s.id} story={s} t={t} onChange={change} onError={setError} />
        ))}
      </ul>
      <form onSubmit={(e) => void add(e)} noValidate className="office-form">
        <TextField
          id="story-title"
          label={t('stories.storyTitle')}
          value={draft.title}
          onChange={(e) => setDraft({ ...draft, title: e.target.value })}
        />
        <SelectField
          id="story-locale"
          label={t('stories.language')}
          value={draft.locale}
          onChange={(e) => setDraft({ ...draft, locale: e.target.value as Locale })}
          options={LOCALES.map((l) => ({ value: l, label: t(`office.languages.${l}`) }))}
        />
        <Field>
          <Label htmlFor="story-body">{t('stories.body')}</Label>
          <Textarea
            id="story-body"
            rows={6}
            value={draft.body}
            onChange={(e) => setDraft({ ...draft, body: e.target.value })}
          />
        </Field>
        <div>
          <Button type="submit" variant="secondary">
            {t('stories.add')}
          </Button>
        </div>
      </form>
    </section>
  );
}
