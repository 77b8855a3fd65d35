import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { api, type UserSummary } from '../api.js';
import {
  errorsFrom,
  FormErrorSummary,
  type FormErrors,
  noErrors,
  SelectField,
  TextField,
} from '../components/forms.js';
import { useT } from '../i18n.js';
import { useWorkspace } from '../workspace.js';
import { eventsApi, type Organiser } from './api.js';
import { useEventsT } from './text.js';

const KINDS = ['volunteer_centre', 'municipality', 'programme'] as const;

/** Leaders keep the region's organisers and link organiser users to them. */
export function OrganisersPanel({
  organisers,
  onChange,
}: {
  organisers: Organiser[];
  onChange: () => void;
}) {
  const t = useEventsT();
  const { t: officeT } = useT();
  const { region } = useWorkspace();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<(typeof KINDS)[number]>('volunteer_centre');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const [users, setUsers] = useState<UserSummary[]>([]);
  const [member, setMember] = useState<Record<string, string>>({});
  useEffect(() => {
    if (region)
      api.users.list(region.id).then(
        (r) => setUsers(r.users.filter((u) => u.role === 'organiser')),
        () => {},
      );
  }, [region]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await eventsApi.createOrganiser({ name, kind });
      setName('');
      setErrors(noErrors);
      onChange();
    } catch (error) {
      setErrors(errorsFrom(officeT, error, { name: 'org-name', kind: 'org-kind' }));
      setAttempt((n) => n + 1);
    }
  };
  const link = async (organiserId: string) => {
    const userId = member[organiserId];
    if (!userId) return;
    await eventsApi.addMember(organiserId, userId).catch(() => {});
    onChange();
  };
  return (
    <section aria-labelledby="organisers-heading" className="office-section">
      <Heading level={2} data-size="sm" id="organisers-heading">
        {t('office.organisers')}
      </Heading>
      <Paragraph>{t('office.organisersIntro')}</Paragraph>
      <ul>
        {organisers.map((o) => (
          <li key={o.id}>
            <strong>{o.name}</strong> ({t(`office.kinds.${o.kind}`)}):{' '}
            {o.members.length ? o.members.map((m) => m.name).join(', ') : t('office.noMembers')}
            {users.length ? (
              <div className="office-actions">
                <SelectField
                  id={`member-${o.id}`}
                  label={`${t('office.memberUser')} – ${o.name}`}
                  value={member[o.id] ?? ''}
                  onChange={(e) => setMember((old) => ({ ...old, [o.id]: e.target.value }))}
                  options={[
                    { value: '', label: t('office.chooseUser') },
                    ...users.map((u) => ({ value: u.id, label: u.name })),
                  ]}
                />
                <Button variant="secondary" data-size="sm" onClick={() => void link(o.id)}>
                  {t('office.addMember')}
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <form onSubmit={add} noValidate className="office-form">
        <FormErrorSummary
          t={officeT}
          errors={errors}
          attempt={attempt}
          labels={{ 'org-name': t('office.organiserName') }}
        />
        <TextField
          id="org-name"
          label={t('office.organiserName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields['org-name']}
        />
        <SelectField
          id="org-kind"
          label={t('office.organiserKind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}
          options={KINDS.map((k) => ({ value: k, label: t(`office.kinds.${k}`) }))}
        />
        <Button type="submit" variant="secondary">
          {t('office.addOrganiser')}
        </Button>
      </form>
    </section>
  );
}
