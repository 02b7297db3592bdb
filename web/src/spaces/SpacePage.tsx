import { useQuery } from '@tanstack/react-query';
import { NavLink, Route, Routes, useLocation, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { CommitteeTabLinks, committeeRoutes } from '../committees/CommitteeSections';
import { DocumentTabLinks, documentRoutes, seesDocuments } from '../documents/DocumentTabs';
import { queries } from '../api/queries';
import type { CommitteeDetails, SpaceKind } from '../generated/openapi';
import { Page } from '../components/Page';
import { ErrorMessage, Loading, Notice } from '../components/Status';
import { useI18n, type MessageKey } from '../i18n';
import { ApiKeys } from './ApiKeys';
import { Audit } from './Audit';
import { Invitations } from './Invitations';
import { JoinRequests } from './JoinRequests';
import { Overview } from './Overview';
import { spacePath } from './paths';
import { TwoFactorSetting } from './TwoFactorSetting';

/** A space: overview for all, management tabs for coordinators; a committee adds its own tabs. */
export function SpacePage({ kind }: { kind: SpaceKind }) {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const location = useLocation();
  const details = useQuery(queries.details(kind, id));
  const notice = (location.state as { notice?: MessageKey } | null)?.notice;

  // A refetch answered with a 4xx (say, after leaving a members-only space) means the page as shown no longer
  // holds; a lost connection or a 5xx leaves the last answer on screen.
  const refused = details.error instanceof ApiError && details.error.status >= 400 && details.error.status < 500;
  if (details.isPending) return <Page title={t(`kind.${kind}`)}><Loading /></Page>;
  if (!details.data || refused) return <Page title={t(`kind.${kind}`)}><ErrorMessage error={details.error} /></Page>;

  const space = details.data;
  const base = spacePath({ kind, id });
  const coordinator = space.yourRole === 'coordinator';
  const committee = kind === 'committee' ? (space as CommitteeDetails) : null;
  const documents = seesDocuments(space);
  return (
    <Page title={space.name}>
      <p className="muted">
        {t(`kind.${kind}`)} · {space.yourRole ? t('space.yourRole', { role: t(`role.${space.yourRole}`) }) : t('space.notMember')}
      </p>
      <Notice text={notice ? t(notice) : null} />
      <ErrorMessage error={details.error} />
      {(coordinator || committee || documents) && (
        <nav aria-label={t('space.tabs')} className="tabs">
          <NavLink end to={base}>{t('space.overview')}</NavLink>
          {committee && <CommitteeTabLinks base={base} committee={committee} />}
          {documents && <DocumentTabLinks base={base} />}
          {coordinator && <>
            <NavLink to={`${base}/manage`}>{t('space.manage')}</NavLink>
            <NavLink to={`${base}/audit`}>{t('space.audit')}</NavLink>
            {kind === 'organisation' && <NavLink to={`${base}/api-keys`}>{t('space.apiKeys')}</NavLink>}
          </>}
        </nav>
      )}
      <Routes>
        <Route index element={<Overview kind={kind} space={space} />} />
        <Route path="manage" element={coordinator ? <>
          <TwoFactorSetting kind={kind} space={space} />
          <Invitations kind={kind} id={id} />
          <JoinRequests kind={kind} id={id} />
        </> : <CoordinatorsOnly />} />
        <Route path="audit" element={coordinator ? <Audit kind={kind} id={id} /> : <CoordinatorsOnly />} />
        {committee && committeeRoutes(committee)}
        {documents && documentRoutes(kind, space)}
        <Route path="api-keys" element={coordinator && kind === 'organisation' ? <ApiKeys organisationId={id} /> : <CoordinatorsOnly />} />
      </Routes>
    </Page>
  );
}

function CoordinatorsOnly() {
  const { t } = useI18n();
  return <p>{t('space.coordinatorsOnly')}</p>;
}
