import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/endpoints';
import { keys, queries } from '../api/queries';
import type { OrganisationCoalition, SpaceRole } from '../generated/openapi';
import { FormErrors } from '../components/Field';
import { ErrorMessage, Loading } from '../components/Status';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { spacePath } from './paths';

/**
 * The coalitions an organisation was invited to or belongs to, for its own members. Its coordinators answer
 * invitations and can take the organisation out of a coalition.
 */
export function OrganisationCoalitions({ organisationId, yourRole }: { organisationId: string; yourRole: SpaceRole | null }) {
  const { t } = useI18n();
  const coalitions = useQuery(queries.organisationCoalitions(organisationId));
  const cache = useQueryClient();
  const act = useMutation({
    mutationFn: ({ coalitionId, answer }: { coalitionId: string; answer: 'accept' | 'decline' | 'leave' }) =>
      answer === 'leave' ? api.leaveCoalition(coalitionId, organisationId) : api.answerCoalition(coalitionId, organisationId, answer === 'accept'),
    // Both sides change: this organisation's coalitions and the coalition's organisations (and, through the
    // organisation's people role, who may see the coalition and its spaces, the person's own included).
    onSuccess: (_, { coalitionId }) => Promise.all([
      cache.invalidateQueries({ queryKey: queries.organisationCoalitions(organisationId).queryKey }),
      cache.invalidateQueries({ queryKey: keys.space('coalition', coalitionId) }),
      cache.invalidateQueries({ queryKey: keys.me }),
    ]),
  });
  const coordinator = yourRole === 'coordinator';

  return (
    <section aria-labelledby="org-coalitions-heading">
      <h2 id="org-coalitions-heading">{t('orgCoalitions.title')}</h2>
      <FormErrors error={act.error} />
      {coalitions.isPending ? <Loading /> : coalitions.error ? <ErrorMessage error={coalitions.error} /> : (
        coalitions.data.length ? (
          <ul className="rows">
            {coalitions.data.map((c) => (
              <CoalitionRow key={c.coalitionId} coalition={c} coordinator={coordinator} busy={act.isPending}
                onAnswer={(accept) => act.mutate({ coalitionId: c.coalitionId, answer: accept ? 'accept' : 'decline' })}
                onLeave={() => {
                  if (window.confirm(t('orgCoalitions.leaveConfirm', { name: c.name }))) act.mutate({ coalitionId: c.coalitionId, answer: 'leave' });
                }} />
            ))}
          </ul>
        ) : <p className="muted">{t('orgCoalitions.none')}</p>
      )}
    </section>
  );
}

interface RowProps {
  coalition: OrganisationCoalition;
  coordinator: boolean;
  busy: boolean;
  onAnswer(accept: boolean): void;
  onLeave(): void;
}

function CoalitionRow({ coalition: c, coordinator, busy, onAnswer, onLeave }: RowProps) {
  const { t, formatDate } = useI18n();
  const name = <UserText text={c.name} />;
  return (
    <li className="row-item">
      <div>
        <strong>{c.status === 'active' ? <Link to={spacePath({ kind: 'coalition', id: c.coalitionId })}>{name}</Link> : name}</strong>
        <div className="muted">{t(`orgStatus.${c.status}`)} · {t('orgCoalitions.since', { date: formatDate(c.since) })}</div>
      </div>
      {coordinator && c.status === 'invited' && (
        <div className="row-actions">
          <button type="button" className="primary" disabled={busy} aria-label={t('orgCoalitions.acceptLabel', { name: c.name })}
            onClick={() => onAnswer(true)}>{t('orgCoalitions.accept')}</button>
          <button type="button" disabled={busy} aria-label={t('orgCoalitions.declineLabel', { name: c.name })}
            onClick={() => onAnswer(false)}>{t('orgCoalitions.decline')}</button>
        </div>
      )}
      {coordinator && c.status === 'active' && (
        <div className="row-actions">
          <button type="button" className="danger" disabled={busy} aria-label={t('orgCoalitions.leaveLabel', { name: c.name })}
            onClick={onLeave}>{t('orgCoalitions.leave')}</button>
        </div>
      )}
    </li>
  );
}
