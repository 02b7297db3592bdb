import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import { keys, queries } from '../api/queries';
import type { SpaceKind } from '../generated/openapi';
import { FormErrors } from '../components/Field';
import { ErrorMessage, Loading } from '../components/Status';
import { UserParagraphs, UserText } from '../components/UserText';
import { useI18n } from '../i18n';

export function JoinRequests({ kind, id }: { kind: SpaceKind; id: string }) {
  const { t, formatDate } = useI18n();
  const requests = useQuery(queries.joinRequests(kind, id));
  const cache = useQueryClient();
  const decide = useMutation({
    mutationFn: ({ personId, approve }: { personId: string; approve: boolean }) => api.decideJoinRequest(kind, id, personId, approve),
    // Approving adds a member: the requests, the members and everything else of the space; rejecting only the requests.
    onSuccess: (_, { approve }) =>
      cache.invalidateQueries({ queryKey: approve ? keys.space(kind, id) : queries.joinRequests(kind, id).queryKey }),
  });
  const answer = (personId: string, approve: boolean) => decide.mutate({ personId, approve });

  return (
    <section aria-labelledby="join-requests-heading">
      <h2 id="join-requests-heading">{t('joinRequests.title')}</h2>
      <FormErrors error={decide.error} />
      {requests.isPending ? <Loading /> : requests.error ? <ErrorMessage error={requests.error} /> : (
        requests.data.length ? (
          <ul className="rows">
            {requests.data.map((r) => (
              <li key={r.personId} className="row-item">
                <div>
                  <strong><UserText text={r.name} /></strong> <span className="muted">{formatDate(r.requestedAt, true)}</span>
                  {r.message && <UserParagraphs text={r.message} />}
                </div>
                <div className="row-actions">
                  <button type="button" className="primary" disabled={decide.isPending} aria-label={t('joinRequests.approveLabel', { name: r.name })}
                    onClick={() => answer(r.personId, true)}>{t('joinRequests.approve')}</button>
                  <button type="button" disabled={decide.isPending} aria-label={t('joinRequests.rejectLabel', { name: r.name })}
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
