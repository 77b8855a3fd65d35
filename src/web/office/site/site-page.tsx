import './site.css';
import {
  Alert,
  Button,
  Field,
  Heading,
  Input,
  Label,
  Paragraph,
  Table,
  Tag,
} from '@digdir/designsystemet-react';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { SiteImageKind, SiteProfile, SiteVisits } from '../../../contracts/site.js';
import { api, type Region } from '../api.js';
import { call } from '../api-call.js';
import { SelectField } from '../components/forms.js';
import { LoadFailed, Loading, Page, TableScroll } from '../components/page.js';
import { useUser } from '../session.js';
import { pairName, reasonText, type SiteTranslate, useSiteT } from './text.js';

const KINDS: SiteImageKind[] = ['logo', 'favicon', 'social'];
const ACCEPT: Record<SiteImageKind, string> = {
  logo: 'image/svg+xml,image/png',
  favicon: 'image/png,image/svg+xml',
  social: 'image/png,image/jpeg',
};
const TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'];

type Outcome = { kind: 'ok' | 'error'; lines: string[] } | null;

const refusal = (t: SiteTranslate, error: unknown): string[] => {
  const details = (error as { details?: Array<{ message: string }> }).details ?? [];
  if (details.length > 0) return details.map((d) => reasonText(t, d.message));
  return [String((error as Error).message)];
};

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function Message({ outcome, t }: { outcome: Outcome; t: SiteTranslate }) {
  if (!outcome) return null;
  return (
    <Alert data-color={outcome.kind === 'ok' ? 'success' : 'danger'} data-size="sm" role="status">
      {outcome.kind === 'error' ? <Paragraph>{t('profile.refused')}</Paragraph> : null}
      {outcome.lines.map((line) => (
        <Paragraph key={line}>{line}</Paragraph>
      ))}
    </Alert>
  );
}

function ColorSection({ profile, path, onSaved }: SectionProps) {
  const t = useSiteT();
  const [color, setColor] = useState(profile.brandColor);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      onSaved(await call<SiteProfile>('PUT', path('/color'), { brandColor: color }));
      setOutcome({ kind: 'ok', lines: [t('profile.saved')] });
    } catch (error) {
      setOutcome({ kind: 'error', lines: refusal(t, error) });
    }
  };
  return (
    <section aria-labelledby="site-color" className="office-section">
      <Heading level={2} data-size="sm" id="site-color">
        {t('profile.colorTitle')}
      </Heading>
      <Paragraph>{t('profile.colorHelp')}</Paragraph>
      <form onSubmit={save} className="office-form">
        <Field>
          <Label htmlFor="site-brand-color">{t('profile.colorLabel')}</Label>
          <Input
            id="site-brand-color"
            value={color}
            onChange={(e) => setColor(e.target.value)}
            pattern="#[0-9a-fA-F]{6}"
            autoComplete="off"
          />
        </Field>
        <Button type="submit">{t('profile.save')}</Button>
      </form>
      <Message outcome={outcome} t={t} />
      <TableScroll labelledBy="site-contrast">
        <Table className="office-table">
          <caption id="site-contrast">{t('profile.contrastTitle')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('profile.pair')}</Table.HeaderCell>
              <Table.HeaderCell>{t('profile.ratio')}</Table.HeaderCell>
              <Table.HeaderCell>{t('profile.required')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {profile.contrast.map((p) => (
              <Table.Row key={p.pair}>
                <Table.Cell>
                  {pairName(t, p.pair)} <code>{`${p.foreground} / ${p.background}`}</code>
                </Table.Cell>
                <Table.Cell>{`${p.ratio}:1`}</Table.Cell>
                <Table.Cell>
                  {`${p.required}:1 `}
                  <Tag data-color={p.ratio >= p.required ? 'success' : 'danger'} data-size="sm">
                    {p.ratio >= p.required ? t('profile.ok') : t('profile.fails')}
                  </Tag>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    </section>
  );
}

function ImageRow({ kind, profile, path, onSaved }: SectionProps & { kind: SiteImageKind }) {
  const t = useSiteT();
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const image = profile.images[kind];
  const name = t(`profile.kinds.${kind}`);
  const run = async (action: () => Promise<SiteProfile>, done: string) => {
    try {
      onSaved(await action());
      setOutcome({ kind: 'ok', lines: [done] });
    } catch (error) {
      setOutcome({ kind: 'error', lines: refusal(t, error) });
    }
  };
  const upload = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    const contentType = TYPES.includes(file.type) ? file.type : 'image/png';
    await run(
      async () =>
        call<SiteProfile>('PUT', path(`/images/${kind}`), {
          contentType,
          dataBase64: await base64Of(file),
        }),
      t('profile.uploaded'),
    );
  };
  return (
    <section aria-labelledby={`site-image-${kind}`} className="office-section">
      <Heading level={3} data-size="xs" id={`site-image-${kind}`}>
        {name}
      </Heading>
      <Paragraph data-size="sm">{t(`profile.rules.${kind}`)}</Paragraph>
      {image ? (
        <img
          src={image.url}
          alt={t('profile.current', { kind: name })}
          className="office-site-image"
        />
      ) : (
        <Paragraph data-size="sm">{t('profile.none')}</Paragraph>
      )}
      <form onSubmit={upload} className="office-form">
        <Field>
          <Label htmlFor={`site-file-${kind}`}>{t('profile.file', { kind: name })}</Label>
          <input
            id={`site-file-${kind}`}
            type="file"
            accept={ACCEPT[kind]}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </Field>
        <Button type="submit" variant="secondary" disabled={!file}>
          {t('profile.upload')}
        </Button>
        {image ? (
          <Button
            type="button"
            variant="tertiary"
            onClick={() =>
              run(() => call<SiteProfile>('DELETE', path(`/images/${kind}`)), t('profile.removed'))
            }
          >
            {t('profile.remove')}
          </Button>
        ) : null}
      </form>
      <Message outcome={outcome} t={t} />
    </section>
  );
}

interface SectionProps {
  profile: SiteProfile;
  path: (rest: string) => string;
  onSaved: (profile: SiteProfile) => void;
}

function VisitsSection({ visits }: { visits: SiteVisits }) {
  const t = useSiteT();
  return (
    <section aria-labelledby="site-visits" className="office-section">
      <Heading level={2} data-size="sm" id="site-visits">
        {t('visits.title')}
      </Heading>
      <Paragraph>{t('visits.lead')}</Paragraph>
      <Paragraph>{t('visits.total', { count: visits.total })}</Paragraph>
      {visits.total === 0 ? <Paragraph>{t('visits.none')}</Paragraph> : null}
      {[
        {
          id: 'site-top',
          caption: t('visits.topPages'),
          head: t('visits.page'),
          rows: visits.pages.map((p) => [p.path, p.views] as const),
        },
        {
          id: 'site-months',
          caption: t('visits.perMonth'),
          head: t('visits.month'),
          rows: visits.months.map((m) => [m.month, m.views] as const),
        },
      ].map((table) =>
        table.rows.length === 0 ? null : (
          <TableScroll key={table.id} labelledBy={table.id}>
            <Table className="office-table">
              <caption id={table.id}>{table.caption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{table.head}</Table.HeaderCell>
                  <Table.HeaderCell>{t('visits.views')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {table.rows.map(([label, views]) => (
                  <Table.Row key={label}>
                    <Table.Cell>{label}</Table.Cell>
                    <Table.Cell>{views.toLocaleString()}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        ),
      )}
    </section>
  );
}

/** The region's visual profile (colour, logo, icon, sharing image) and its visit count. */
export function SitePage() {
  const t = useSiteT();
  const user = useUser();
  const [regions, setRegions] = useState<Region[]>([]);
  const [regionId, setRegionId] = useState<string | null>(user.regionId ?? null);
  const [profile, setProfile] = useState<SiteProfile | null>(null);
  const [visits, setVisits] = useState<SiteVisits | null>(null);
  const [failed, setFailed] = useState(false);
  const query = regionId && user.role === 'admin' ? `?region=${encodeURIComponent(regionId)}` : '';
  const path = (rest: string) => `/api/site/profile${rest}${query}`;

  const load = useCallback(async () => {
    setFailed(false);
    try {
      if (user.role === 'admin' && !regionId) {
        const list = (await api.regions.list()).regions;
        setRegions(list);
        if (list[0]) setRegionId(list[0].id);
        return;
      }
      const [p, v] = await Promise.all([
        call<SiteProfile>('GET', `/api/site/profile${query}`),
        call<SiteVisits>('GET', `/api/site/visits${query}`),
      ]);
      setProfile(p);
      setVisits(v);
    } catch {
      setFailed(true);
    }
  }, [user.role, regionId, query]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Page title={t('profile.title')} intro={t('profile.lead')}>
      {user.role === 'admin' && regions.length > 1 ? (
        <SelectField
          id="site-region"
          label={t('profile.region')}
          value={regionId ?? ''}
          onChange={(e) => setRegionId(e.target.value)}
          options={regions.map((r) => ({ value: r.id, label: r.name }))}
        />
      ) : null}
      {failed ? <LoadFailed onRetry={() => void load()} /> : null}
      {!failed && (!profile || !visits) ? <Loading /> : null}
      {profile && visits ? (
        <>
          <ColorSection
            key={`${profile.regionId}-color`}
            profile={profile}
            path={path}
            onSaved={setProfile}
          />
          <section aria-labelledby="site-images" className="office-section">
            <Heading level={2} data-size="sm" id="site-images">
              {t('profile.imagesTitle')}
            </Heading>
            {KINDS.map((kind) => (
              <ImageRow
                key={`${profile.regionId}-${kind}`}
                kind={kind}
                profile={profile}
                path={path}
                onSaved={setProfile}
              />
            ))}
          </section>
          <VisitsSection visits={visits} />
        </>
      ) : null}
    </Page>
  );
}
