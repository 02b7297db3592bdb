import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/endpoints';
import { keys, queries } from '../api/queries';
import { useSession } from '../auth/session';
import { FormErrors } from '../components/Field';
import { Page } from '../components/Page';
import { ErrorMessage, Loading, Notice } from '../components/Status';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { Trans } from '../i18n/Trans';
import { spacePath } from '../spaces/paths';

export function AcceptInvitation() {
  const { t, formatDate } = useI18n();
  const { token = '' } = useParams();
  const { session } = useSession();
  const navigate = useNavigate();
  const preview = useQuery(queries.invitation(token));
  const cache = useQueryClient();
  const accept = useMutation({
    mutationFn: () => api.acceptInvitation(token),
    onSuccess: async (access) => {
      // The person's spaces and the space itself now answer differently.
      await Promise.all([cache.invalidateQueries({ queryKey: keys.me }), cache.invalidateQueries({ queryKey: keys.space(access.space.kind, access.space.id) })]);
      navigate(spacePath(access.space), { state: { notice: 'invitation.accepted' } });
    },
  });
  const decline = useMutation({ mutationFn: () => api.declineInvitation(token) });
  const busy = accept.isPending || decline.isPending;
  const declined = decline.isSuccess;
  const here = `/invitations/${encodeURIComponent(token)}`;

  if (preview.isPending) return <Page title={t('invitation.title')}><Loading /></Page>;
  if (!preview.data) return <Page title={t('invitation.title')}><ErrorMessage error={preview.error} /></Page>;

  const invitation = preview.data;
  return (
    <Page title={t('invitation.title')}>
      <p>
        <Trans k="invitation.body" values={{ space: <strong><UserText text={invitation.spaceName} /></strong>, role: t(`role.${invitation.role}`) }} />
        {' '}<span className="muted">({t(`kind.${invitation.space.kind}`)})</span>
      </p>
      <p>{t('invitation.expires', { date: formatDate(invitation.expiresAt) })}</p>
      <FormErrors error={accept.error ?? decline.error} />
      <Notice text={declined ? t('invitation.declined') : null} />
      {declined ? null : session ? (
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => accept.mutate()}>{t('invitation.accept')}</button>
          <button type="button" disabled={busy} onClick={() => decline.mutate()}>{t('invitation.decline')}</button>
        </div>
      ) : (
        <div className="actions">
          <Link className="button primary" to={`/register?invitation=${encodeURIComponent(token)}&next=${encodeURIComponent(spacePath(invitation.space))}`}>
            {t('invitation.registerToAccept')}
          </Link>
          <Link className="button" to={`/sign-in?next=${encodeURIComponent(here)}`}>{t('invitation.signInToAccept')}</Link>
        </div>
      )}
    </Page>
  );
}
