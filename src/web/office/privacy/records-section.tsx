import { Button, Heading, Input, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { LoadFailed, Loading, TableScroll } from '../components/page.js';
import { useT } from '../i18n.js';
import { useUser } from '../session.js';
import { type DataMap, privacyApi, type Retention } from './api.js';
import { type PrivacyKey, usePrivacyT } from './text.js';

const key = (k: string) => k as PrivacyKey;

function useLoad<T>(load: () => Promise<T>) {
  const [value, setValue] = useState<T | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once per attempt
  useEffect(() => {
    let live = true;
    setFailed(false);
    load()
      .then((v) => live && setValue(v))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [attempt]);
  return { value, failed, retry: () => setAttempt((n) => n + 1) };
}

/** The retention rules, their periods, and what the next purge would erase; admins edit. */
export function RetentionSection() {
  const p = usePrivacyT();
  const user = useUser();
  const { value, failed, retry } = useLoad<Retention>(privacyApi.retention);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<Retention | null>(null);
  const [message, setMessage] = useState('');
  const shown = saved ?? value;
  const editable = user.role === 'admin';
  const ruleText = (rule: string, months: number) => p(key(`rules.${rule}`), { months });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const periods = Object.fromEntries(
      Object.entries(draft)
        .map(([rule, v]) => [rule, Number(v)] as const)
        .filter(([, n]) => Number.isInteger(n) && n >= 1 && n <= 120),
    );
    setSaved(await privacyApi.setRetention(periods));
    setDraft({});
    setMessage(p('retention.saved'));
  };

  return (
    <section className="office-section" aria-labelledby="privacy-retention">
      <Heading level={2} data-size="sm" id="privacy-retention" className="office-section-title">
        {p('retention.title')}
      </Heading>
      <Paragraph data-size="sm">{p('retention.intro')}</Paragraph>
      {failed && <LoadFailed onRetry={retry} />}
      {!failed && !shown && <Loading />}
      {shown && (
        <form onSubmit={save}>
          <TableScroll labelledBy="privacy-retention-caption">
            <Table zebra className="office-table">
              <caption id="privacy-retention-caption" className="office-visually-hidden">
                {p('retention.caption')}
              </caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{p('retention.rule')}</Table.HeaderCell>
                  {editable && <Table.HeaderCell>{p('retention.months')}</Table.HeaderCell>}
                  <Table.HeaderCell>{p('retention.due')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {shown.periods.map((r) => (
                  <Table.Row key={r.rule}>
                    <Table.Cell>{ruleText(r.rule, r.months)}</Table.Cell>
                    {editable && (
                      <Table.Cell>
                        {r.configurable && (
                          <Input
                            id={`retention-${r.rule}`}
                            type="number"
                            min={1}
                            max={120}
                            data-size="sm"
                            aria-label={p('retention.monthsFor', {
                              rule: ruleText(r.rule, r.months),
                            })}
                            value={draft[r.rule] ?? String(r.months)}
                            onChange={(e) => setDraft((d) => ({ ...d, [r.rule]: e.target.value }))}
                          />
                        )}
                      </Table.Cell>
                    )}
                    <Table.Cell>{r.due ?? p('retention.fixed')}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
          {editable && (
            <div className="office-actions">
              <Button type="submit">{p('retention.save')}</Button>
            </div>
          )}
          <Paragraph role="status">{message}</Paragraph>
        </form>
      )}
    </section>
  );
}

/** The records of processing (Art. 30), generated from the data map, with downloads. */
export function RecordsSection() {
  const p = usePrivacyT();
  const { locale } = useT();
  const { value, failed, retry } = useLoad<DataMap>(privacyApi.dataMap);
  const list = (prefix: string, ids: string[]) =>
    ids.map((id) => p(key(`${prefix}.${id}`))).join(', ') || p('records.none');
  return (
    <section className="office-section" aria-labelledby="privacy-records">
      <Heading level={2} data-size="sm" id="privacy-records" className="office-section-title">
        {p('records.title')}
      </Heading>
      <Paragraph data-size="sm">{p('records.intro')}</Paragraph>
      <Paragraph>
        <Link href={privacyApi.recordsUrl('pdf', locale)} download>
          {p('records.downloadPdf')}
        </Link>
        {' · '}
        <Link href={privacyApi.recordsUrl('xlsx', locale)} download>
          {p('records.downloadXlsx')}
        </Link>
      </Paragraph>
      {failed && <LoadFailed onRetry={retry} />}
      {!failed && !value && <Loading />}
      {value && (
        <TableScroll labelledBy="privacy-records-caption">
          <Table zebra className="office-table">
            <caption id="privacy-records-caption" className="office-visually-hidden">
              {p('records.caption')}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{p('records.activity')}</Table.HeaderCell>
                <Table.HeaderCell>{p('records.legalBasis')}</Table.HeaderCell>
                <Table.HeaderCell>{p('records.subjects')}</Table.HeaderCell>
                <Table.HeaderCell>{p('records.categories')}</Table.HeaderCell>
                <Table.HeaderCell>{p('records.recipients')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {value.records.map((r) => (
                <Table.Row key={r.activity}>
                  <Table.Cell>
                    <strong>{p(key(`activities.${r.activity}`))}</strong>
                    <br />
                    {p(key(`purposes.${r.activity}`))}
                  </Table.Cell>
                  <Table.Cell className="office-nowrap">{r.legalBasis}</Table.Cell>
                  <Table.Cell>{list('subjects', r.subjects)}</Table.Cell>
                  <Table.Cell>{list('categories', r.categories)}</Table.Cell>
                  <Table.Cell>{list('recipients', r.recipients)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
