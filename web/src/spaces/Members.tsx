import { useState } from 'react';
import { api } from '../api/endpoints';
import { spaceRoles, type SpaceKind, type SpaceMember, type SpaceRole } from '../api/types';
import { useSession } from '../auth/session';
import { FormErrors } from '../components/Field';
import { ErrorMessage, Loading } from '../components/Status';
import { useAsync } from '../components/useAsync';
import { useSubmit } from '../components/useSubmit';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';

export function Members({ kind, id, yourRole }: { kind: SpaceKind; id: string; yourRole: SpaceRole | null }) {
  const { t } = useI18n();
  const { session } = useSession();
  const members = useAsync(() => api.members(kind, id), `${kind}/${id}/${yourRole}/${session?.personId ?? ''}`);
  const submit = useSubmit();
  const coordinator = yourRole === 'coordinator';

  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t('members.title')}</h2>
      {!session ? <p>{t('space.signInToSee')}</p> : members.loading ? <Loading /> : members.error ? <ErrorMessage error={members.error} /> : (
        <>
          <FormErrors error={submit.error} />
          <ul className="rows">
            {(members.data ?? []).map((m) => (
              <MemberRow key={m.personId} member={m} isYou={m.personId === session.personId} canManage={coordinator} busy={submit.busy}
                onRole={(role) => submit.run(async () => { await api.changeRole(kind, id, m.personId, role); members.reload(); })}
                onRemove={() => {
                  if (!window.confirm(t('members.removeConfirm', { name: m.name }))) return;
                  void submit.run(async () => { await api.removeMember(kind, id, m.personId); members.reload(); });
                }} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

interface RowProps {
  member: SpaceMember;
  isYou: boolean;
  canManage: boolean;
  busy: boolean;
  onRole(role: SpaceRole): void;
  onRemove(): void;
}

function MemberRow({ member, isYou, canManage, busy, onRole, onRemove }: RowProps) {
  const { t, formatDate } = useI18n();
  const [role, setRole] = useState<SpaceRole>(member.role);
  const selectId = `role-${member.personId}`;
  return (
    <li className="row-item">
      <div>
        <strong><UserText text={member.name} /></strong> {isYou && <span className="muted">{t('members.you')}</span>}
        <div className="muted">{t(`role.${member.role}`)} · {t('members.since', { date: formatDate(member.since) })}</div>
      </div>
      {canManage && (
        <div className="row-actions">
          <label htmlFor={selectId} className="visually-hidden">{t('members.role', { name: member.name })}</label>
          <select id={selectId} value={role} onChange={(e) => setRole(e.target.value as SpaceRole)}>
            {spaceRoles.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
          </select>
          <button type="button" disabled={busy || role === member.role} onClick={() => onRole(role)}>{t('members.changeRole')}</button>
          {!isYou && (
            <button type="button" className="danger" disabled={busy} onClick={onRemove}
              aria-label={t('members.remove', { name: member.name })}>{t('members.removeButton')}</button>
          )}
        </div>
      )}
    </li>
  );
}
