import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/endpoints';
import { useSession } from '../auth/session';
import { FormErrors } from '../components/Field';
import { Page } from '../components/Page';
import { ErrorMessage, Loading, Notice } from '../components/Status';
import { useAsync } from '../components/useAsync';
import { useSubmit } from '../components/useSubmit';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { Trans } from '../i18n/Trans';
import { spacePath } from '../spaces/paths';

export function AcceptInvitation() {
  const { t, formatDate } = useI18n();
  const { token = '' } = useParams();
  const { session } = useSession();
  const navigate = useNavigate();
  const preview = useAsync(() => api.previewInvitation(token), token);
  const submit = useSubmit();
  const [declined, setDeclined] = useState(false);
  const here = `/invitations/${encodeURIComponent(token)}`;

  if (preview.loading) return <Page title={t('invitation.title')}><Loading /></Page>;
  if (!preview.data) return <Page title={t('invitation.title')}><ErrorMessage error={preview.error} /></Page>;

  const invitation = preview.data;
  return (
    <Page title={t('invitation.title')}>
      <p>
        <Trans k="invitation.body" values={{ space: <strong><UserText text={invitation.spaceName} /></strong>, role: t(`role.${invitation.role}`) }} />
        {' '}<span className="muted">({t(`kind.${invitation.space.kind}`)})</span>
      </p>
      <p>{t('invitation.expires', { date: formatDate(invitation.expiresAt) })}</p>
      <FormErrors error={submit.error} />
      <Notice text={declined ? t('invitation.declined') : null} />
      {declined ? null : session ? (
        <div className="actions">
          <button type="button" className="primary" disabled={submit.busy} onClick={() => submit.run(async () => {
            const access = await api.acceptInvitation(token);
            navigate(spacePath(access.space), { state: { notice: 'invitation.accepted' } });
          })}>{t('invitation.accept')}</button>
          <button type="button" disabled={submit.busy} onClick={() => submit.run(async () => {
            await api.declineInvitation(token);
            setDeclined(true);
          })}>{t('invitation.decline')}</button>
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
