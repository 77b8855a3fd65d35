import {
  Alert,
  Button,
  Field,
  Heading,
  Input,
  Label,
  Paragraph,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import type { ContentImageView } from '../../../contracts/content.js';
import { LOCALES } from '../../i18n/locales.js';
import { ApiError } from '../api.js';
import { TextField } from '../components/forms.js';
import { useContentApi } from './content-page.js';
import type { ContentTranslate } from './text.js';

/** The file's bytes as base64, for the JSON API. */
const base64Of = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/** The server's reason, in the reader's language where we know it. */
function reasonOf(t: ContentTranslate, error: unknown): { field: 'file' | 'alt'; text: string } {
  if (!(error instanceof ApiError)) return { field: 'file', text: String(error) };
  const issue = error.details[0];
  if (issue?.field.startsWith('alt')) return { field: 'alt', text: t('office.image.altMissing') };
  const message = issue?.message ?? error.message;
  if (/not an image/.test(message)) return { field: 'file', text: t('office.image.notImage') };
  if (/at most|larger/.test(message)) {
    return { field: 'file', text: t('office.image.tooLarge', { reason: message }) };
  }
  return { field: 'file', text: message };
}

/** Uploads an image with its alt text; offers its Markdown to put into the text. */
export function ImageUpload(props: { t: ContentTranslate; onInsert: (markdown: string) => void }) {
  const { t, onInsert } = props;
  const api = useContentApi();
  const file = useRef<HTMLInputElement>(null);
  const [alt, setAlt] = useState({ nb: '', nn: '', en: '' });
  const [error, setError] = useState<{ field: 'file' | 'alt'; text: string } | null>(null);
  const [image, setImage] = useState<ContentImageView | null>(null);

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = file.current?.files?.[0];
    if (!chosen) return setError({ field: 'file', text: t('office.image.noFile') });
    try {
      const body = {
        contentType: chosen.type,
        dataBase64: await base64Of(chosen),
        alt: Object.fromEntries(Object.entries(alt).filter(([, v]) => v.trim())),
      };
      setImage(await api.uploadImage(body));
      setError(null);
    } catch (e) {
      setImage(null);
      setError(reasonOf(t, e));
    }
  };

  return (
    <section className="office-section" aria-labelledby="content-images">
      <Heading level={2} data-size="sm" id="content-images">
        {t('office.image.title')}
      </Heading>
      <Paragraph>{t('office.image.lead')}</Paragraph>
      <form onSubmit={(e) => void upload(e)} noValidate className="office-form">
        <Field>
          <Label htmlFor="content-image-file">{t('office.image.file')}</Label>
          <Input
            id="content-image-file"
            type="file"
            accept="image/png,image/jpeg"
            ref={file}
            aria-invalid={error?.field === 'file' ? true : undefined}
          />
          {error?.field === 'file' ? <ValidationMessage>{error.text}</ValidationMessage> : null}
        </Field>
        {LOCALES.map((l) => (
          <TextField
            key={l}
            id={`content-image-alt-${l}`}
            label={t('office.image.alt', { language: t(`office.languages.${l}`) })}
            description={l === 'nb' ? t('office.image.altHint') : undefined}
            value={alt[l]}
            error={l === 'nb' && error?.field === 'alt' ? error.text : undefined}
            onChange={(e) => setAlt((a) => ({ ...a, [l]: e.target.value }))}
          />
        ))}
        <div>
          <Button id="content-image-upload" type="submit" variant="secondary">
            {t('office.image.upload')}
          </Button>
        </div>
      </form>
      {image ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('office.image.uploaded', { count: image.widths.length })}</Paragraph>
          <Paragraph>
            {t('office.image.snippet')}: <code>{image.markdown}</code>
          </Paragraph>
          <Button variant="secondary" data-size="sm" onClick={() => onInsert(image.markdown)}>
            {t('office.image.insert')}
          </Button>
        </Alert>
      ) : null}
    </section>
  );
}
