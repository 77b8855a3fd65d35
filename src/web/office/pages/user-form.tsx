import {
  Button,
  Field,
  Fieldset,
  Heading,
  Input,
  Label,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, type Region, type Role, type UserSummary } from '../api.js';
import {
  errorsFrom,
  FormErrorSummary,
  type FormErrors,
  isEmail,
  noErrors,
  SelectField,
  TextField,
} from '../components/forms.js';
import { useT } from '../i18n.js';

/** Roles a person may give: admins any; a programme leader only hosts, callers and organisers. */
export const assignableRoles = (actor: Role): Role[] =>
  actor === 'admin'
    ? ['admin', 'programme_leader', 'host', 'caller', 'organiser']
    : ['host', 'caller', 'organiser'];

/** Whether the person may change or disable this user (the API decides the same way). */
export const mayManage = (actor: Role, target: Role): boolean =>
  assignableRoles(actor).includes(target);

/** Hosts and callers work in some municipalities; leaders and admins see the whole region. */
const needsMunicipalities = (role: Role) => role === 'host' || role === 'caller';

interface UserFormProps {
  actorRole: Role;
  region: Region;
  /** The user to change; without it the form invites a new one. */
  user?: UserSummary;
  onDone: (message: string) => void;
  onCancel: () => void;
}

export function UserForm({ actorRole, region, user, onDone, onCancel }: UserFormProps) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const [email, setEmail] = useState('');
  const [name, setName] = useState(user?.name ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'host');
  const [codes, setCodes] = useState<string[]>(user?.municipalityCodes ?? []);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const firstCode = region.municipalities[0]?.code ?? '';
  const codesId = `user-municipality-${firstCode}`;

  useEffect(() => heading.current?.focus(), []);

  const fail = (next: FormErrors) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  };

  const validate = (): Record<string, string> => {
    const fields: Record<string, string> = {};
    if (!user && !email.trim()) fields['user-email'] = t('fieldErrors.required');
    else if (!user && !isEmail(email)) fields['user-email'] = t('common:field.email');
    if (!name.trim()) fields['user-name'] = t('fieldErrors.required');
    if (needsMunicipalities(role) && codes.length === 0) {
      fields[codesId] = t('users.municipalitiesRequired');
    } else if (role === 'caller' && codes.length > 1) {
      fields[codesId] = t('fieldErrors.callerOneMunicipality');
    }
    return fields;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields = validate();
    if (Object.keys(fields).length > 0) return fail({ fields, general: [] });
    const municipalityCodes = needsMunicipalities(role) ? codes : [];
    setBusy(true);
    try {
      if (user) {
        await api.users.update(user.id, { name: name.trim(), role, municipalityCodes });
        onDone(t('users.saved', { name: name.trim() }));
      } else {
        await api.users.invite({
          email: email.trim(),
          name: name.trim(),
          role,
          // An administrator belongs to no region.
          regionId: role === 'admin' ? null : region.id,
          municipalityCodes,
        });
        onDone(t('users.invited', { email: email.trim() }));
      }
    } catch (error) {
      fail(
        errorsFrom(t, error, {
          email: 'user-email',
          name: 'user-name',
          role: 'user-role',
          municipalityCodes: codesId,
        }),
      );
    } finally {
      setBusy(false);
    }
  };

  // A caller calls for one municipality (a radio choice); a host may have several.
  const single = role === 'caller';
  const toggle = (code: string, on: boolean) =>
    setCodes((list) => {
      if (single) return on ? [code] : [];
      return on ? [...list, code] : list.filter((c) => c !== code);
    });

  const labels = {
    'user-email': t('users.email'),
    'user-name': t('users.name'),
    'user-role': t('users.role'),
    [codesId]: t('users.municipalities'),
  };
  return (
    <section className="office-panel office-form-panel" aria-labelledby="user-form-title">
      <Heading level={2} data-size="sm" id="user-form-title" ref={heading} tabIndex={-1}>
        {user ? t('users.editTitle', { name: user.name }) : t('users.inviteTitle')}
      </Heading>
      <FormErrorSummary t={t} errors={errors} attempt={attempt} labels={labels} />
      <form className="office-form" noValidate onSubmit={submit}>
        {user ? (
          <p className="office-readonly">
            <span className="office-workspace-label">{t('users.email')}</span>
            {user.email}
          </p>
        ) : (
          <TextField
            id="user-email"
            type="email"
            label={t('users.email')}
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errors.fields['user-email']}
          />
        )}
        <TextField
          id="user-name"
          label={t('users.name')}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields['user-name']}
        />
        <SelectField
          id="user-role"
          label={t('users.role')}
          value={role}
          onChange={(e) => {
            const next = e.target.value as Role;
            setRole(next);
            if (next === 'caller') setCodes((list) => list.slice(0, 1));
          }}
          options={assignableRoles(actorRole).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          error={errors.fields['user-role']}
        />
        {needsMunicipalities(role) && (
          <Fieldset>
            <Fieldset.Legend>
              {single ? t('municipality') : t('users.municipalities')}
            </Fieldset.Legend>
            <Fieldset.Description>
              {single ? t('users.callerHint') : t('users.municipalitiesHint')}
            </Fieldset.Description>
            <div className="office-checkboxes">
              {region.municipalities.map((m) => (
                <Field key={m.code}>
                  <Input
                    type={single ? 'radio' : 'checkbox'}
                    name="user-municipalities"
                    id={`user-municipality-${m.code}`}
                    checked={single ? codes[0] === m.code : codes.includes(m.code)}
                    onChange={(e) => toggle(m.code, e.target.checked)}
                  />
                  <Label htmlFor={`user-municipality-${m.code}`} weight="regular">
                    {m.name}
                  </Label>
                </Field>
              ))}
            </div>
            {errors.fields[codesId] && (
              <ValidationMessage>{errors.fields[codesId]}</ValidationMessage>
            )}
          </Fieldset>
        )}
        <div className="office-actions">
          <Button type="submit" loading={busy}>
            {user ? t('save') : t('users.inviteSubmit')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
