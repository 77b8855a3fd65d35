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
import { type ChangeEvent, useRef, useState } from 'react';
import { useT } from '../i18n.js';
import { type Campaign, referralApi } from './api.js';
import { referralErrors } from './messages.js';
import { useReferralT } from './text.js';

const MAX_BYTES = 2 * 1024 * 1024;
const TYPES = ['image/png', 'image/jpeg'] as const;
type ImageType = (typeof TYPES)[number];

interface Chosen {
  dataUrl: string;
  type: ImageType;
}

const readDataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/**
 * The postcard's front picture: choose a file, see it, upload it. The browser refuses what is
 * plainly wrong (type, size); the server checks it is a printable image and says why not.
 */
export function FrontImage(props: { campaign: Campaign; onChange: (c: Campaign) => void }) {
  const { campaign } = props;
  const { t } = useT();
  const r = useReferralT();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const refuse = (message: string) => {
    setChosen(null);
    setError(message);
    input.current?.focus();
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    setError(null);
    setDone(false);
    setChosen(null);
    const file = event.target.files?.[0];
    if (!file) return;
    if (!TYPES.includes(file.type as ImageType)) return refuse(r('edit.imageErrors.notImage'));
    if (file.size > MAX_BYTES) return refuse(r('edit.imageErrors.tooLarge'));
    setChosen({ dataUrl: await readDataUrl(file), type: file.type as ImageType });
  };

  const upload = async () => {
    if (!chosen) return refuse(r('edit.imageErrors.none'));
    setBusy(true);
    try {
      const updated = await referralApi.uploadFrontImage(campaign.id, {
        contentType: chosen.type,
        dataBase64: chosen.dataUrl.slice(chosen.dataUrl.indexOf(',') + 1),
      });
      setChosen(null);
      setError(null);
      setDone(true);
      if (input.current) input.current.value = '';
      props.onChange(updated);
    } catch (failure) {
      const errors = referralErrors(t, r, failure, (field) =>
        ['dataBase64', 'contentType'].includes(field) ? 'c-image' : null,
      );
      refuse(errors.fields['c-image'] ?? errors.general[0] ?? t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="c-image-title" className="office-section office-form-panel">
      <Heading level={2} data-size="sm" id="c-image-title">
        {r('edit.image')}
      </Heading>
      {done && (
        <Alert data-color="success" role="status" className="office-alert">
          {r('edit.imageUploaded')}
        </Alert>
      )}
      <div className="office-form">
        {chosen ? (
          <figure className="office-image-preview">
            <img src={chosen.dataUrl} alt={r('edit.imageChosen')} />
            <figcaption>{r('edit.imageChosen')}</figcaption>
          </figure>
        ) : campaign.hasFrontImage ? (
          <figure className="office-image-preview">
            <img
              src={referralApi.frontImageUrl(campaign.id, campaign.updatedAt)}
              alt={r('edit.imageCurrent')}
            />
            <figcaption>{r('edit.imageCurrent')}</figcaption>
          </figure>
        ) : (
          <Paragraph data-size="sm">{r('edit.imageNone')}</Paragraph>
        )}
        <Field>
          <Label htmlFor="c-image">{r('edit.imageFile')}</Label>
          <Field.Description>{r('edit.imageHint')}</Field.Description>
          <Input
            ref={input}
            id="c-image"
            type="file"
            accept="image/png,image/jpeg"
            aria-invalid={error ? true : undefined}
            onChange={choose}
          />
          {error && <ValidationMessage>{error}</ValidationMessage>}
        </Field>
        <div className="office-actions">
          <Button variant="secondary" onClick={upload} loading={busy}>
            {r('edit.imageUpload')}
          </Button>
        </div>
      </div>
    </section>
  );
}
