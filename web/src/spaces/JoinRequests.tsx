import { api } from '../api/endpoints';
import type { SpaceKind } from '../api/types';
import { FormErrors } from '../components/Field';
import { ErrorMessage, Loading } from '../components/Status';
import { useAsync } from '../components/useAsync';
import { useSubmit } from '../components/useSubmit';
import { UserParagraphs, UserText } from '../components/UserText';
import { useI18n } from '../i18n';

export function JoinRequests({ kind, id }: { kind: SpaceKind; id: string }) {
  const { t, formatDate } = useI18n();
  const requests = useAsync(() => api.joinRequests(kind, id), `${kind}/${id}`);
  const decide = useSubmit();
  const answer = (personId: string, approve: boolean) =>
    decide.run(async () => { await api.decideJoinRequest(kind, id, personId, approve); requests.reload(); });

  return (
    <section aria-labelledby="join-requests-heading">
      <h2 id="join-requests-heading">{t('joinRequests.title')}</h2>
      <FormErrors error={decide.error} />
      {requests.loading ? <Loading /> : requests.error ? <ErrorMessage error={requests.error} /> : (
        requests.data?.length ? (
          <ul className="rows">
            {requests.data.map((r) => (
              <li key={r.personId} className="row-item">
                <div>
                  <strong><UserText text={r.name} /></strong> <span className="muted">{formatDate(r.requestedAt, true)}</span>
                  {r.message && <UserParagraphs text={r.message} />}
                </div>
                <div className="row-actions">
                  <button type="button" className="primary" disabled={decide.busy} aria-label={t('joinRequests.approveLabel', { name: r.name })}
                    onClick={() => answer(r.personId, true)}>{t('joinRequests.approve')}</button>
                  <button type="button" disabled={decide.busy} aria-label={t('joinRequests.rejectLabel', { name: r.name })}
                    onClick={() => answer(r.personId, false)}>{t('joinRequests.reject')}</button>
                </div>
              </li>
            ))}
          </ul>
        ) : <p className="muted">{t('joinRequests.none')}</p>
      )}
    </section>
  );
}
