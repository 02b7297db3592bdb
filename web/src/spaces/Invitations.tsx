import { useState } from 'react';
import { api } from '../api/endpoints';
import { spaceRoles, type InvitationCreated, type SpaceKind, type SpaceRole } from '../api/types';
import { CopyField } from '../components/CopyField';
import { FormErrors, SelectField, TextField } from '../components/Field';
import { ErrorMessage, Loading } from '../components/Status';
import { useAsync } from '../components/useAsync';
import { useSubmit } from '../components/useSubmit';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { invitationLink } from './paths';
import { limits } from '../generated/errors';

// The contract writes the longest lifetime as a .NET TimeSpan, "d.hh:mm:ss": its whole days.
const invitationMaxDays = Number.parseInt(limits.invitationMaxLifetime, 10);

/** Coordinators create invitation links (shown once), see what became of them, and revoke open ones. */
export function Invitations({ kind, id }: { kind: SpaceKind; id: string }) {
  const { t, formatDate } = useI18n();
  const invitations = useAsync(() => api.invitations(kind, id), `${kind}/${id}`);
  const create = useSubmit();
  const revoke = useSubmit();
  const [form, setForm] = useState({ role: 'member' as SpaceRole, days: '14', note: '' });
  const [created, setCreated] = useState<InvitationCreated | null>(null);

  return (
    <section aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">{t('invitations.title')}</h2>
      <form noValidate className="narrow" aria-label={t('invitations.create')} onSubmit={(e) => {
        e.preventDefault();
        void create.run(async () => {
          setCreated(await api.invite(kind, id, form.role, Number(form.days), form.note.trim() || null));
          setForm((f) => ({ ...f, note: '' }));
          invitations.reload();
        });
      }}>
        <h3>{t('invitations.create')}</h3>
        <FormErrors error={create.error} />
        <SelectField label={t('invitations.role')} name="role" value={form.role} errors={create.fieldErrors}
          onChange={(e) => setForm({ ...form, role: e.target.value as SpaceRole })}>
          {spaceRoles.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
        </SelectField>
        <TextField label={t('invitations.expiresInDays')} name="expiresInDays" type="number" min={1} max={invitationMaxDays} inputMode="numeric"
          value={form.days} onChange={(e) => setForm({ ...form, days: e.target.value })} errors={create.fieldErrors} />
        <TextField label={t('invitations.note')} name="note" dir="auto" maxLength={limits.messageMaxLength} value={form.note}
          onChange={(e) => setForm({ ...form, note: e.target.value })} errors={create.fieldErrors} />
        <button type="submit" className="primary" disabled={create.busy}>{t('invitations.createButton')}</button>
      </form>
      {created && (
        <div className="secret">
          <p>{t('invitations.created')}</p>
          <CopyField label={t('invitations.link')} value={invitationLink(created.token)} copyLabel={t('invitations.copy')} />
        </div>
      )}
      <FormErrors error={revoke.error} />
      {invitations.loading ? <Loading /> : invitations.error ? <ErrorMessage error={invitations.error} /> : (
        invitations.data?.length ? (
          <ul className="rows" aria-label={t('invitations.title')}>
            {[...invitations.data].reverse().map((i) => (
              <li key={i.invitationId} className="row-item">
                <div>
                  <strong>{t(`role.${i.role}`)}</strong> · {t(`invitationStatus.${i.status}`)}
                  {i.note && <> · <UserText text={i.note} /></>}
                  <div className="muted">
                    {t('invitations.createdAt', { date: formatDate(i.createdAt, true) })} · {t('invitations.expiresAt', { date: formatDate(i.expiresAt) })}
                  </div>
                </div>
                {i.status === 'open' && (
                  <button type="button" className="danger" disabled={revoke.busy}
                    aria-label={t('invitations.revokeLabel', { date: formatDate(i.createdAt, true) })}
                    onClick={() => revoke.run(async () => { await api.revokeInvitation(kind, id, i.invitationId); invitations.reload(); })}>
                    {t('invitations.revoke')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        ) : <p className="muted">{t('invitations.none')}</p>
      )}
    </section>
  );
}
