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
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { ContentKind, ContentTexts } from '../../../contracts/content.js';
import { LOCALES, type Locale } from '../../i18n/locales.js';
import {
  errorsFrom,
  FormErrorSummary,
  type FormErrors,
  noErrors,
  SelectField,
  TextField,
} from '../components/forms.js';
import { LoadFailed, Loading, Page } from '../components/page.js';
import { useT } from '../i18n.js';
import type { ContentItemView } from './api.js';
import { useContentApi } from './content-page.js';
import { ImageUpload } from './image-upload.js';
import { type ContentTranslate, useContentT } from './text.js';

type Draft = Record<Locale, { title: string; body: string }>;
const emptyDraft = (): Draft => ({
  nb: { title: '', body: '' },
  nn: { title: '', body: '' },
  en: { title: '', body: '' },
});

/** The languages written: a language with neither title nor text is left out. */
function textsOf(draft: Draft): ContentTexts {
  const out: ContentTexts = {};
  for (const l of LOCALES) {
    const { title, body } = draft[l];
    if (title.trim() || body.trim()) out[l] = { title, body };
  }
  return out;
}

const publicPath = (item: ContentItemView) =>
  item.kind === 'page' ? `/side/${item.slug}` : `/nyheter/${item.slug}`;

/** One language's title and Markdown text, with a preview made by the server. */
function LanguageFields(props: {
  t: ContentTranslate;
  locale: Locale;
  value: Draft[Locale];
  errors: FormErrors;
  onChange: (v: Draft[Locale]) => void;
}) {
  const { t, locale, value, errors, onChange } = props;
  const api = useContentApi();
  const [preview, setPreview] = useState<string | null>(null);
  const language = t(`office.languages.${locale}`);
  const show = async () => setPreview((await api.preview(value.body)).html);
  return (
    <fieldset className="office-fieldset content-language">
      <legend>{language}</legend>
      <TextField
        id={`content-title-${locale}`}
        label={t('office.titleField', { language })}
        value={value.title}
        error={errors.fields[`content-title-${locale}`]}
        onChange={(e) => onChange({ ...value, title: e.target.value })}
      />
      <Field>
        <Label htmlFor={`content-body-${locale}`}>{t('office.bodyField', { language })}</Label>
        <Field.Description>{t('office.bodyHint')}</Field.Description>
        <Textarea
          id={`content-body-${locale}`}
          rows={10}
          value={value.body}
          onChange={(e) => onChange({ ...value, body: e.target.value })}
        />
      </Field>
      <div>
        <Button
          id={`content-preview-${locale}`}
          type="button"
          variant="secondary"
          onClick={() => void show()}
        >
          {t('office.preview')}
        </Button>
      </div>
      {preview !== null ? (
        <section className="content-preview" aria-labelledby={`content-preview-title-${locale}`}>
          <Heading level={3} data-size="xs" id={`content-preview-title-${locale}`}>
            {t('office.previewTitle', { language })}
          </Heading>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the server's sanitised HTML */}
          <div lang={locale} dangerouslySetInnerHTML={{ __html: preview }} />
        </section>
      ) : null}
    </fieldset>
  );
}

/** Writes a page or news item: texts per language, save as a draft, publish, versions. */
export function ContentEditorPage() {
  const t = useContentT();
  const { t: officeT } = useT();
  const api = useContentApi();
  const navigate = useNavigate();
  const { id } = useParams();
  const [search] = useSearchParams();
  const [item, setItem] = useState<ContentItemView | null>(null);
  const [kind, setKind] = useState<ContentKind>(search.get('kind') === 'news' ? 'news' : 'page');
  const [slug, setSlug] = useState('');
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [failed, setFailed] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState('');

  const show = useCallback((view: ContentItemView) => {
    setItem(view);
    setKind(view.kind);
    setSlug(view.slug);
    const next = emptyDraft();
    for (const l of LOCALES) if (view.texts[l]) next[l] = { ...view.texts[l] };
    setDraft(next);
  }, []);

  useEffect(() => {
    if (!id || item?.id === id) return;
    setFailed(false);
    api.get(id).then(show, () => setFailed(true));
  }, [api, id, item?.id, show]);

  const fail = (error: unknown) => {
    setNotice('');
    setErrors(
      errorsFrom(officeT, error, {
        slug: 'content-slug',
        texts: 'content-title-nb',
        'texts.nb.title': 'content-title-nb',
        'texts.nn.title': 'content-title-nn',
        'texts.en.title': 'content-title-en',
      }),
    );
    setAttempt((a) => a + 1);
  };
  const act = async (
    run: () => Promise<ContentItemView>,
    message: (v: ContentItemView) => string,
  ) => {
    try {
      const view = await run();
      setErrors(noErrors);
      show(view);
      setNotice(message(view));
      return view;
    } catch (error) {
      fail(error);
      return undefined;
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const texts = textsOf(draft);
    if (!item) {
      const created = await act(
        () => api.create({ kind, slug, texts }),
        (v) => t('office.saved', { number: v.currentRevision }),
      );
      if (created) navigate(`/content/${created.id}`, { replace: true });
      return;
    }
    await act(
      () => api.save(item.id, { slug, texts }),
      (v) => t('office.saved', { number: v.currentRevision }),
    );
  };

  if (id && failed) return <LoadFailed onRetry={() => setFailed(false)} />;
  if (id && !item) return <Loading />;
  const title = item
    ? t('office.editTitle', { title: item.title })
    : t('office.createTitle', { kind: t(`office.kinds.${kind}`).toLowerCase() });
  const labels = {
    'content-slug': t('office.slug'),
    'content-title-nb': t('office.titleField', { language: t('office.languages.nb') }),
  };
  return (
    <Page title={title}>
      <Paragraph>
        <Link className="ds-link" to="/content">
          {t('office.back')}
        </Link>
      </Paragraph>
      {notice ? (
        <Alert data-color="success" role="status">
          {notice}
        </Alert>
      ) : null}
      <FormErrorSummary t={officeT} errors={errors} attempt={attempt} labels={labels} />
      <form onSubmit={(e) => void save(e)} noValidate className="office-form">
        {!item ? (
          <SelectField
            id="content-kind"
            label={t('office.columns.kind')}
            value={kind}
            onChange={(e) => setKind(e.target.value as ContentKind)}
            options={(['page', 'news'] as const).map((k) => ({
              value: k,
              label: t(`office.kinds.${k}`),
            }))}
          />
        ) : null}
        <TextField
          id="content-slug"
          label={t('office.slug')}
          description={t('office.slugHint', {
            path: kind === 'page' ? `/side/${slug || '…'}` : `/nyheter/${slug || '…'}`,
          })}
          value={slug}
          autoComplete="off"
          error={errors.fields['content-slug']}
          onChange={(e) => setSlug(e.target.value)}
        />
        {LOCALES.map((l) => (
          <LanguageFields
            key={l}
            t={t}
            locale={l}
            value={draft[l]}
            errors={errors}
            onChange={(v) => setDraft((d) => ({ ...d, [l]: v }))}
          />
        ))}
        <div className="office-actions">
          <Button id="content-save" type="submit">
            {t('office.save')}
          </Button>
        </div>
      </form>
      <ImageUpload
        t={t}
        onInsert={(markdown) =>
          setDraft((d) => ({
            ...d,
            nb: { ...d.nb, body: `${d.nb.body.trimEnd()}\n\n${markdown}\n` },
          }))
        }
      />
      {item ? <Publishing item={item} t={t} act={act} /> : null}
      {item ? <Revisions item={item} t={t} act={act} /> : null}
    </Page>
  );
}

type Act = (
  run: () => Promise<ContentItemView>,
  message: (v: ContentItemView) => string,
) => Promise<ContentItemView | undefined>;

function Publishing({ item, t, act }: { item: ContentItemView; t: ContentTranslate; act: Act }) {
  const api = useContentApi();
  return (
    <section className="office-section" aria-labelledby="content-status">
      <Heading level={2} data-size="sm" id="content-status">
        {t('office.columns.status')}
      </Heading>
      <Paragraph>{t(`office.status.${item.status}`)}</Paragraph>
      <div className="office-actions">
        {item.status !== 'published' ? (
          <Button
            id="content-publish"
            onClick={() =>
              void act(
                () => api.publish(item.id),
                (v) => t('office.published', { number: v.publishedRevision ?? 0 }),
              )
            }
          >
            {t('office.publish')}
          </Button>
        ) : null}
        {item.status !== 'draft' ? (
          <Button
            id="content-unpublish"
            variant="secondary"
            onClick={() =>
              void act(
                () => api.unpublish(item.id),
                () => t('office.unpublished'),
              )
            }
          >
            {t('office.unpublish')}
          </Button>
        ) : null}
      </div>
      {item.status !== 'draft' ? (
        <Paragraph>
          <a className="ds-link" href={publicPath(item)}>
            {t('office.view')}
          </a>
        </Paragraph>
      ) : null}
    </section>
  );
}

function Revisions({ item, t, act }: { item: ContentItemView; t: ContentTranslate; act: Act }) {
  const api = useContentApi();
  const dateOf = (iso: string) =>
    new Intl.DateTimeFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'nb-NO', {
      timeZone: 'Europe/Oslo',
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(iso));
  return (
    <section className="office-section" aria-labelledby="content-revisions">
      <Heading level={2} data-size="sm" id="content-revisions">
        {t('office.revisions')}
      </Heading>
      <ul className="content-revisions">
        {item.revisions.map((r) => (
          <li key={r.number}>
            <strong>{t('office.revision', { number: r.number })}</strong>{' '}
            {t('office.revisionBy', { date: dateOf(r.createdAt), name: r.createdBy ?? '–' })}
            {r.restoredFrom !== null
              ? `, ${t('office.restoredFrom', { number: r.restoredFrom })}`
              : ''}
            {r.published ? ` (${t('office.publishedMark')})` : ''}
            {r.number !== item.currentRevision ? (
              <Button
                variant="tertiary"
                data-size="sm"
                onClick={() =>
                  void act(
                    () => api.restore(item.id, r.number),
                    (v) => t('office.restored', { from: r.number, number: v.currentRevision }),
                  )
                }
              >
                {t('office.restore', { number: r.number })}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
