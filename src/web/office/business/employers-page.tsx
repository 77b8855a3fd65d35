import './business.css';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { NACE_SECTIONS, OUTREACH_STATUSES, SIZE_BANDS } from '../../../contracts/business.js';
import { SelectField, TextField } from '../components/forms.js';
import { LoadFailed, Loading, Page, TableScroll } from '../components/page.js';
import { useT } from '../i18n.js';
import { useUser } from '../session.js';
import { businessApi, type Employer, type EmployerFilter, type EmployerList } from './api.js';
import { EmployerEditor } from './employer-editor.js';
import { BusinessNav } from './nav.js';
import { useBusinessT } from './text.js';
import { ImportPanel, SurveyPanel } from './tools.js';

/**
 * The employer register: filters (municipality, industry, size, NAV ads in the last 12 months,
 * campaign status), counts, downloads, and per employer the «Vis fram jobbene!» outreach.
 */
export function EmployersScreen() {
  const b = useBusinessT();
  const user = useUser();
  const [filter, setFilter] = useState<EmployerFilter>({});
  const [list, setList] = useState<EmployerList | null>(null);
  const [failed, setFailed] = useState(false);
  const [editing, setEditing] = useState<Employer | null>(null);
  const [notice, setNotice] = useState('');
  const editorHeading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async (f: EmployerFilter) => {
    setFailed(false);
    try {
      setList(await businessApi.employers(f));
    } catch {
      setFailed(true);
    }
  }, []);
  useEffect(() => {
    void load(filter);
  }, [load, filter]);
  useEffect(() => {
    if (editing) editorHeading.current?.focus();
  }, [editing]);

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const get = (k: string) => String(data.get(k) ?? '') || undefined;
    setFilter({
      municipality: get('f-municipality'),
      section: get('f-section'),
      size: get('f-size'),
      postedOnNav: get('f-nav'),
      status: get('f-status'),
      q: get('f-q'),
    } as EmployerFilter);
  };
  const changed = async (employer: Employer, text: string) => {
    setNotice(text);
    setEditing(employer);
    await load(filter);
  };
  const leader = user.role === 'admin' || user.role === 'programme_leader';

  return (
    <Page title={b('office.employersTitle')} intro={b('office.employersIntro')}>
      <BusinessNav />
      <div role="status">{notice && <Paragraph>{notice}</Paragraph>}</div>
      <form onSubmit={apply} className="business-filters" aria-label={b('office.filters')}>
        <SelectField
          id="f-municipality"
          label={b('office.municipality')}
          options={[
            { value: '', label: b('office.allMunicipalities') },
            ...(list?.municipalities ?? []).map((m) => ({ value: m.code, label: m.name })),
          ]}
        />
        <SelectField
          id="f-section"
          label={b('office.section')}
          options={[
            { value: '', label: b('office.allSections') },
            ...NACE_SECTIONS.map((s) => ({ value: s, label: `${s} ${b(`sections.${s}`)}` })),
          ]}
        />
        <SelectField
          id="f-size"
          label={b('office.size')}
          options={[
            { value: '', label: b('office.allSizes') },
            ...SIZE_BANDS.map((s) => ({ value: s, label: s })),
          ]}
        />
        <SelectField
          id="f-nav"
          label={b('office.postedOnNav')}
          options={[
            { value: '', label: b('office.either') },
            { value: 'yes', label: b('office.yes') },
            { value: 'no', label: b('office.no') },
          ]}
        />
        <SelectField
          id="f-status"
          label={b('office.status')}
          options={[
            { value: '', label: b('office.allStatuses') },
            ...OUTREACH_STATUSES.map((s) => ({ value: s, label: b(`office.statuses.${s}`) })),
          ]}
        />
        <TextField id="f-q" label={b('office.search')} type="search" />
        <Button type="submit" variant="secondary">
          {b('office.apply')}
        </Button>
      </form>
      {failed && <LoadFailed onRetry={() => void load(filter)} />}
      {!failed && !list && <Loading />}
      {list && (
        <>
          <Paragraph>
            {b('office.count', { count: list.total })}{' '}
            {b('office.navSummary', { posted: list.postedOnNav, notPosted: list.notPostedOnNav })}
          </Paragraph>
          <Heading level={2} data-size="xs">
            {b('office.statusCounts')}
          </Heading>
          <ul className="business-counts">
            {OUTREACH_STATUSES.map((s) => (
              <li key={s}>
                {b(`office.statuses.${s}`)}: {list.statusCounts[s] ?? 0}
              </li>
            ))}
          </ul>
          <Paragraph>
            {b('office.download')}:{' '}
            <a className="ds-link" href={businessApi.exportUrl(filter, 'csv')} download>
              {b('office.downloadCsv')}
            </a>{' '}
            <a className="ds-link" href={businessApi.exportUrl(filter, 'xlsx')} download>
              {b('office.downloadXlsx')}
            </a>
          </Paragraph>
          <EmployerTable list={list} onEdit={(e) => setEditing(e)} />
        </>
      )}
      {editing && (
        <section className="business-section" aria-labelledby="employer-editor">
          <Heading level={2} data-size="sm" id="employer-editor" ref={editorHeading} tabIndex={-1}>
            {b('office.edit', { name: editing.name })}
          </Heading>
          <EmployerEditor
            key={`${editing.id}-${editing.updatedAt}`}
            employer={editing}
            onChanged={changed}
          />
        </section>
      )}
      {leader && <ImportPanel onImported={() => void load(filter)} />}
      {leader && <SurveyPanel />}
    </Page>
  );
}

function EmployerTable({ list, onEdit }: { list: EmployerList; onEdit: (e: Employer) => void }) {
  const b = useBusinessT();
  const { tag } = useT();
  if (list.employers.length === 0) return <Paragraph>{b('office.none')}</Paragraph>;
  const number = new Intl.NumberFormat(tag);
  return (
    <TableScroll labelledBy="employers-caption">
      <Table className="office-table" data-size="sm">
        <caption id="employers-caption" className="business-caption">
          {b('office.caption')}
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{b('office.name')}</Table.HeaderCell>
            <Table.HeaderCell>{b('office.orgNumber')}</Table.HeaderCell>
            <Table.HeaderCell>{b('office.municipality')}</Table.HeaderCell>
            <Table.HeaderCell>{b('office.section')}</Table.HeaderCell>
            <Table.HeaderCell>{b('office.employees')}</Table.HeaderCell>
            <Table.HeaderCell>{b('office.navAds')}</Table.HeaderCell>
            <Table.HeaderCell>{b('office.status')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {list.employers.map((e) => (
            <Table.Row key={e.id}>
              <Table.HeaderCell scope="row">
                <Button variant="tertiary" data-size="sm" onClick={() => onEdit(e)}>
                  {e.name}
                </Button>
              </Table.HeaderCell>
              <Table.Cell>{e.orgNumber}</Table.Cell>
              <Table.Cell>{e.municipalityName}</Table.Cell>
              <Table.Cell>{e.naceSection ?? ''}</Table.Cell>
              <Table.Cell>{e.employees === null ? '' : number.format(e.employees)}</Table.Cell>
              <Table.Cell>{number.format(e.navAds12Months)}</Table.Cell>
              <Table.Cell>{b(`office.statuses.${e.outreachStatus}`)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
