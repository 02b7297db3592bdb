import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/endpoints';
import { keys, queries } from '../api/queries';
import { spaceRoleValues, type SpaceKind, type SpaceMember, type SpaceRole } from '../generated/openapi';
import { useSession } from '../auth/session';
import { FormErrors } from '../components/Field';
import { ErrorMessage, Loading } from '../components/Status';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';

type Change = { personId: string; role: SpaceRole } | { personId: string; remove: true };

export function Members({ kind, id, yourRole }: { kind: SpaceKind; id: string; yourRole: SpaceRole | null }) {
  const { t } = useI18n();
  const { session } = useSession();
  const cache = useQueryClient();
  const members = useQuery({ ...queries.members(kind, id), enabled: !!session });
  const change = useMutation({
    mutationFn: (c: Change) => ('role' in c ? api.changeRole(kind, id, c.personId, c.role) : api.removeMember(kind, id, c.personId)),
    // The list, the space's own answer (your role, if it was yours) and, for a change of your own role, your spaces.
    onSuccess: (_, c) => Promise.all([
      cache.invalidateQueries({ queryKey: keys.space(kind, id) }),
      c.personId === session?.personId ? cache.invalidateQueries({ queryKey: keys.me }) : null,
    ]),
  });
  const coordinator = yourRole === 'coordinator';

  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t('members.title')}</h2>
      {!session ? <p>{t('space.signInToSee')}</p> : members.isPending ? <Loading /> : members.error ? <ErrorMessage error={members.error} /> : (
        <>
          <FormErrors error={change.error} />
          <ul className="rows">
            {members.data.map((m) => (
              // Keyed by role too: after a refetch the row's select starts from the role the server now says.
              <MemberRow key={`${m.personId}/${m.role}`} member={m} isYou={m.personId === session.personId} canManage={coordinator}
                busy={change.isPending}
                onRole={(role) => change.mutate({ personId: m.personId, role })}
                onRemove={() => {
                  if (window.confirm(t('members.removeConfirm', { name: m.name }))) change.mutate({ personId: m.personId, remove: true });
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
            {spaceRoleValues.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
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
