import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { queries } from '../api/queries';
import { spaceKindValues, type SpaceSummary } from '../generated/openapi';
import { Page } from '../components/Page';
import { ErrorMessage, Loading } from '../components/Status';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { UpcomingSessions } from '../sessions/ForumSessions';
import { Trans } from '../i18n/Trans';
import { spacePath } from '../spaces/paths';

// The contract lists the kinds from the widest space to the narrowest, the order this page groups them in.
const order = spaceKindValues;

export function MySpaces() {
  const { t } = useI18n();
  const spaces = useQuery(queries.mySpaces());
  const names = new Map((spaces.data ?? []).map((s) => [s.space.id, s.name]));

  return (
    <Page title={t('spaces.title')} actions={<>
      <Link className="button" to="/organisations/new">{t('spaces.createOrganisation')}</Link>
      <Link className="button" to="/coalitions/new">{t('spaces.createCoalition')}</Link>
    </>}>
      {spaces.isPending && <Loading />}
      <ErrorMessage error={spaces.error} />
      {spaces.data && (
        <UpcomingSessions forumIds={spaces.data.filter((s) => s.space.kind === 'forum' && s.yourRole).map((s) => s.space.id)} />
      )}
      {spaces.data?.length === 0 && <p>{t('spaces.none')} <Link to="/directory">{t('nav.directory')}</Link></p>}
      {order.map((kind) => {
        const ofKind = (spaces.data ?? []).filter((s) => s.space.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`spaces-${kind}`}>
            <h2 id={`spaces-${kind}`}>{t(`kindPlural.${kind}`)}</h2>
            <ul className="cards">
              {ofKind.map((s) => <SpaceCard key={s.space.id} space={s} parentName={s.parent ? names.get(s.parent.id) : undefined} />)}
            </ul>
          </section>
        );
      })}
    </Page>
  );
}

function SpaceCard({ space, parentName }: { space: SpaceSummary; parentName?: string }) {
  const { t } = useI18n();
  return (
    <li className="card">
      <Link to={spacePath(space.space)} dir="auto">{space.name}</Link>
      <p className="muted">
        {space.yourRole && t('spaces.yourRole', { role: t(`role.${space.yourRole}`) })}
        {' · '}{t(`visibility.${space.visibility}`)}
        {parentName && <> · <Trans k="spaces.within" values={{ name: <UserText text={parentName} /> }} /></>}
      </p>
    </li>
  );
}
