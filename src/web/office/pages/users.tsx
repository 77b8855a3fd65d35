import { Alert, Button, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useState } from 'react';
import { api, type Region, type UserSummary } from '../api.js';
import { errorsFrom } from '../components/forms.js';
import { ConfirmDialog, LoadFailed, Loading, Page, TableScroll } from '../components/page.js';
import { useT } from '../i18n.js';
import { useUser } from '../session.js';
import { useWorkspace } from '../workspace.js';
import { mayManage, UserForm } from './user-form.js';

type Panel = { kind: 'none' } | { kind: 'invite' } | { kind: 'edit'; user: UserSummary };
type Pending = { user: UserSummary; action: 'disable' | 'enable' } | null;

/** Æ, Ø and Å sort after Z, as Norwegians expect. */
const collator = new Intl.Collator('nb');

const statusColor = { active: 'success', invited: 'info', disabled: 'neutral' } as const;

/** The region's staff: invite, change role and municipalities, disable and enable. */
export function UsersPage() {
  const { t } = useT();
  const { region, status } = useWorkspace();
  return (
    <Page title={t('users.title')} intro={region ? t('users.intro', { region: region.name }) : ''}>
      {status === 'loading' && <Loading />}
      {status === 'failed' && <LoadFailed onRetry={() => window.location.reload()} />}
      {status === 'ready' && !region && <Paragraph>{t('users.noRegion')}</Paragraph>}
      {region && <UsersOfRegion key={region.id} region={region} />}
    </Page>
  );
}

function UsersOfRegion({ region }: { region: Region }) {
  const { t } = useT();
  const me = useUser();
  const [users, setUsers] = useState<UserSummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);

  const load = useCallback(async () => {
    setFailed(false);
    try {
      setUsers((await api.users.list(region.id)).users);
    } catch {
      setFailed(true);
    }
  }, [region.id]);

  useEffect(() => {
    void load();
  }, [load]);

  const municipalityNames = (codes: string[]) =>
    codes
      .map((c) => region.municipalities.find((m) => m.code === c)?.name ?? c)
      .sort(collator.compare)
      .join(', ');

  // The message comes with the updated list, so what it says is what the table shows.
  const done = async (text: string) => {
    await load();
    setPanel({ kind: 'none' });
    setNotice({ text, error: false });
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    const { user, action } = pending;
    try {
      if (action === 'disable') await api.users.disable(user.id);
      else await api.users.enable(user.id);
      await load();
      setNotice({
        text: t(action === 'disable' ? 'users.disabledDone' : 'users.enabledDone', {
          name: user.name,
        }),
        error: false,
      });
    } catch (error) {
      setNotice({ text: errorsFrom(t, error).general.join(' '), error: true });
    } finally {
      setBusy(false);
      setPending(null);
    }
  };

  if (failed) return <LoadFailed onRetry={() => void load()} />;
  if (!users) return <Loading />;
  return (
    <>
      {notice && (
        <Alert
          data-color={notice.error ? 'danger' : 'success'}
          className="office-alert"
          role={notice.error ? 'alert' : 'status'}
        >
          {notice.text}
        </Alert>
      )}
      {panel.kind === 'none' ? (
        <div className="office-actions">
          <Button onClick={() => setPanel({ kind: 'invite' })}>{t('users.invite')}</Button>
        </div>
      ) : (
        <UserForm
          key={panel.kind === 'edit' ? panel.user.id : 'invite'}
          actorRole={me.role}
          region={region}
          user={panel.kind === 'edit' ? panel.user : undefined}
          onDone={(text) => void done(text)}
          onCancel={() => setPanel({ kind: 'none' })}
        />
      )}
      {users.length === 0 ? (
        <Paragraph>{t('users.none')}</Paragraph>
      ) : (
        <TableScroll labelledBy="users-caption">
          <Table zebra className="office-table">
            <caption id="users-caption" className="office-visually-hidden">
              {t('users.caption', { region: region.name })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('users.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('users.email')}</Table.HeaderCell>
                <Table.HeaderCell>{t('users.role')}</Table.HeaderCell>
                <Table.HeaderCell>{t('users.municipalities')}</Table.HeaderCell>
                <Table.HeaderCell>{t('users.status')}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="office-visually-hidden">{t('users.actions')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {users.map((u) => (
                <Table.Row key={u.id}>
                  <Table.Cell>{u.name}</Table.Cell>
                  <Table.Cell className="office-wrap">{u.email}</Table.Cell>
                  <Table.Cell>{t(`roles.${u.role}`)}</Table.Cell>
                  <Table.Cell>
                    {u.municipalityCodes.length > 0
                      ? municipalityNames(u.municipalityCodes)
                      : t('users.wholeRegion')}
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-color={statusColor[u.status]} data-size="sm">
                      {t(`users.statuses.${u.status}`)}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell>
                    {u.id !== me.id && mayManage(me.role, u.role) && (
                      <div className="office-row-actions">
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          onClick={() => setPanel({ kind: 'edit', user: u })}
                        >
                          {t('users.edit')}
                          <span className="office-visually-hidden"> {u.name}</span>
                        </Button>
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          data-color={u.status === 'disabled' ? 'accent' : 'danger'}
                          onClick={() =>
                            setPending({
                              user: u,
                              action: u.status === 'disabled' ? 'enable' : 'disable',
                            })
                          }
                        >
                          {u.status === 'disabled' ? t('users.enable') : t('users.disable')}
                          <span className="office-visually-hidden"> {u.name}</span>
                        </Button>
                      </div>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.action === 'enable'
            ? t('users.enableTitle', { name: pending.user.name })
            : t('users.disableTitle', { name: pending?.user.name ?? '' })
        }
        body={pending?.action === 'enable' ? t('users.confirmEnable') : t('users.confirmDisable')}
        confirmLabel={pending?.action === 'enable' ? t('users.enable') : t('users.disable')}
        danger={pending?.action === 'disable'}
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(null)}
      />
    </>
  );
}
