import { Link } from 'react-router';
import { api } from '../api/endpoints';
import type { OrganisationCoalition, SpaceRole } from '../api/types';
import { FormErrors } from '../components/Field';
import { ErrorMessage, Loading } from '../components/Status';
import { useAsync } from '../components/useAsync';
import { useSubmit } from '../components/useSubmit';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { spacePath } from './paths';

/**
 * The coalitions an organisation was invited to or belongs to, for its own members. Its coordinators answer
 * invitations and can take the organisation out of a coalition.
 */
export function OrganisationCoalitions({ organisationId, yourRole }: { organisationId: string; yourRole: SpaceRole | null }) {
  const { t } = useI18n();
  const coalitions = useAsync(() => api.organisationCoalitions(organisationId), `${organisationId}/${yourRole ?? ''}`);
  const submit = useSubmit();
  const coordinator = yourRole === 'coordinator';
  const act = (action: () => Promise<void>) => submit.run(async () => { await action(); coalitions.reload(); });

  return (
    <section aria-labelledby="org-coalitions-heading">
      <h2 id="org-coalitions-heading">{t('orgCoalitions.title')}</h2>
      <FormErrors error={submit.error} />
      {coalitions.loading && !coalitions.data ? <Loading /> : coalitions.error ? <ErrorMessage error={coalitions.error} /> : (
        coalitions.data?.length ? (
          <ul className="rows">
            {coalitions.data.map((c) => (
              <CoalitionRow key={c.coalitionId} coalition={c} coordinator={coordinator} busy={submit.busy}
                onAnswer={(accept) => act(() => api.answerCoalition(c.coalitionId, organisationId, accept))}
                onLeave={() => {
                  if (!window.confirm(t('orgCoalitions.leaveConfirm', { name: c.name }))) return;
                  void act(() => api.leaveCoalition(c.coalitionId, organisationId));
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
