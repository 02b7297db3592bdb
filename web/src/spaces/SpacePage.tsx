import { NavLink, Route, Routes, useLocation, useParams } from 'react-router';
import { api } from '../api/endpoints';
import type { SpaceDetails, SpaceKind } from '../api/types';
import { useSession } from '../auth/session';
import { Page } from '../components/Page';
import { ErrorMessage, Loading, Notice } from '../components/Status';
import { useAsync } from '../components/useAsync';
import { useI18n, type MessageKey } from '../i18n';
import { ApiKeys } from './ApiKeys';
import { Audit } from './Audit';
import { Invitations } from './Invitations';
import { JoinRequests } from './JoinRequests';
import { Overview } from './Overview';
import { spacePath } from './paths';
import { TwoFactorSetting } from './TwoFactorSetting';

/** An organisation, coalition, working group or forum: overview for all, management tabs for coordinators. */
export function SpacePage({ kind }: { kind: SpaceKind }) {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { session } = useSession();
  const location = useLocation();
  const details = useAsync(() => api.details(kind, id), `${kind}/${id}/${session?.personId ?? ''}`);
  const notice = (location.state as { notice?: MessageKey } | null)?.notice;

  if (details.loading && !details.data) return <Page title={t(`kind.${kind}`)}><Loading /></Page>;
  if (!details.data) return <Page title={t(`kind.${kind}`)}><ErrorMessage error={details.error} /></Page>;

  const space: SpaceDetails = details.data;
  const base = spacePath({ kind, id });
  const coordinator = space.yourRole === 'coordinator';
  return (
    <Page title={space.name}>
      <p className="muted">
        {t(`kind.${kind}`)} · {space.yourRole ? t('space.yourRole', { role: t(`role.${space.yourRole}`) }) : t('space.notMember')}
      </p>
      <Notice text={notice ? t(notice) : null} />
      {coordinator && (
        <nav aria-label={t('space.tabs')} className="tabs">
          <NavLink end to={base}>{t('space.overview')}</NavLink>
          <NavLink to={`${base}/manage`}>{t('space.manage')}</NavLink>
          <NavLink to={`${base}/audit`}>{t('space.audit')}</NavLink>
          {kind === 'organisation' && <NavLink to={`${base}/api-keys`}>{t('space.apiKeys')}</NavLink>}
        </nav>
      )}
      <Routes>
        <Route index element={<Overview kind={kind} space={space} onChanged={details.reload} />} />
        <Route path="manage" element={coordinator ? <>
          <TwoFactorSetting key={space.version} kind={kind} space={space} onChanged={details.reload} />
          <Invitations kind={kind} id={id} />
          <JoinRequests kind={kind} id={id} />
        </> : <CoordinatorsOnly />} />
        <Route path="audit" element={coordinator ? <Audit kind={kind} id={id} /> : <CoordinatorsOnly />} />
        <Route path="api-keys" element={coordinator && kind === 'organisation' ? <ApiKeys organisationId={id} /> : <CoordinatorsOnly />} />
      </Routes>
    </Page>
  );
}

function CoordinatorsOnly() {
  const { t } = useI18n();
  return <p>{t('space.coordinatorsOnly')}</p>;
}
