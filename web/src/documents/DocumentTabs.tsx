// The documents tabs of a space page (organisations, coalitions, working groups, forums and committees): for whoever
// sees inside the space, which for a public space is everyone; the API refuses the others, so they get no tab.
import { NavLink, Route } from 'react-router';
import type { SpaceDetails } from '../api/endpoints';
import type { SpaceKind } from '../generated/openapi';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { Publications } from './Publications';
import { SpaceDocuments } from './SpaceDocuments';

/** Whether the space shows its documents to this caller: its people, and anyone when it is public. */
export const seesDocuments = (space: SpaceDetails) => space.visibility === 'public' || space.yourRole !== null;

export function DocumentTabLinks({ base }: { base: string }) {
  const { t } = useI18n();
  return (
    <>
      <NavLink to={`${base}/documents`}>{t('document.documentsTab')}</NavLink>
      <NavLink to={`${base}/publications`}>{t('document.publicationsTab')}</NavLink>
    </>
  );
}

/** The tabs' routes, called as a function: <Routes> takes <Route> children only. */
export function documentRoutes(kind: SpaceKind, space: SpaceDetails) {
  const ref = { kind, id: space.id };
  return (
    <>
      <Route path="documents" element={<SpaceDocumentsTab kind={kind} space={space} />} />
      <Route path="publications" element={<Publications key={space.id} space={ref} />} />
    </>
  );
}

function SpaceDocumentsTab({ kind, space }: { kind: SpaceKind; space: SpaceDetails }) {
  const { session } = useSession();
  // Members and coordinators create; observers and visitors read.
  const canCreate = !!session && (space.yourRole === 'member' || space.yourRole === 'coordinator');
  return <SpaceDocuments key={space.id} space={{ kind, id: space.id }} canCreate={canCreate} />;
}
