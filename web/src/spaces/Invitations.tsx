import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/endpoints';
import { queries } from '../api/queries';
import { spaceRoleValues, type SpaceKind, type SpaceRole } from '../generated/openapi';
import { CopyField } from '../components/CopyField';
import { fieldErrorsOf, FormErrors, SelectField, TextField } from '../components/Field';
import { ErrorMessage, Loading } from '../components/Status';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { limits } from '../generated/errors';
import { invitationLink } from './paths';

// The contract writes the longest lifetime as a .NET TimeSpan, "d.hh:mm:ss": its whole days.
const invitationMaxDays = Number.parseInt(limits.invitationMaxLifetime, 10);

/** Coordinators create invitation links (shown once), see what became of them, and revoke open ones. */
export function Invitations({ kind, id }: { kind: SpaceKind; id: string }) {
  const { t, formatDate } = useI18n();
  const invitations = useQuery(queries.invitations(kind, id));
  const cache = useQueryClient();
  const refresh = () => cache.invalidateQueries({ queryKey: queries.invitations(kind, id).queryKey });
  const [form, setForm] = useState({ role: 'member' as SpaceRole, days: '14', note: '' });
  const create = useMutation({
    mutationFn: () => api.invite(kind, id, form.role, Number(form.days), form.note.trim() || null),
    onSuccess: () => {
      setForm((f) => ({ ...f, note: '' }));
      return refresh();
    },
  });
  const revoke = useMutation({ mutationFn: (invitationId: string) => api.revokeInvitation(kind, id, invitationId), onSuccess: refresh });
  // The link is shown once, from the create's answer; the list holds no tokens.
  const created = create.data;
  const errors = fieldErrorsOf(create.error);

  return (
    <section aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">{t('invitations.title')}</h2>
      <form noValidate className="narrow" aria-label={t('invitations.create')} onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}>
        <h3>{t('invitations.create')}</h3>
        <FormErrors error={create.error} />
        <SelectField label={t('invitations.role')} name="role" value={form.role} errors={errors}
          onChange={(e) => setForm({ ...form, role: e.target.value as SpaceRole })}>
          {spaceRoleValues.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
        </SelectField>
        <TextField label={t('invitations.expiresInDays')} name="expiresInDays" type="number" min={1} max={invitationMaxDays} inputMode="numeric"
          value={form.days} onChange={(e) => setForm({ ...form, days: e.target.value })} errors={errors} />
        <TextField label={t('invitations.note')} name="note" dir="auto" maxLength={limits.messageMaxLength} value={form.note}
          onChange={(e) => setForm({ ...form, note: e.target.value })} errors={errors} />
        <button type="submit" className="primary" disabled={create.isPending}>{t('invitations.createButton')}</button>
      </form>
      {created && (
        <div className="secret">
          <p>{t('invitations.created')}</p>
          <CopyField label={t('invitations.link')} value={invitationLink(created.token)} copyLabel={t('invitations.copy')} />
        </div>
      )}
      <FormErrors error={revoke.error} />
      {invitations.isPending ? <Loading /> : invitations.error ? <ErrorMessage error={invitations.error} /> : (
        invitations.data.length ? (
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
                  <button type="button" className="danger" disabled={revoke.isPending}
                    aria-label={t('invitations.revokeLabel', { date: formatDate(i.createdAt, true) })}
                    onClick={() => revoke.mutate(i.invitationId)}>
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
