import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { SpaceDetails } from '../api/endpoints';
import { queries } from '../api/queries';
import type { CoalitionDetails, CommitteeDetails, ForumDetails, OrganisationDetails, SpaceKind, WorkingGroupDetails } from '../generated/openapi';
import { useSession } from '../auth/session';
import { UserParagraphs, UserText } from '../components/UserText';
import { ErrorMessage, Loading } from '../components/Status';
import { useI18n } from '../i18n';
import { ForumSessions } from '../sessions/ForumSessions';
import { Trans } from '../i18n/Trans';
import { ChildSpaces } from './ChildSpaces';
import { CoalitionOrganisations } from './CoalitionOrganisations';
import { Membership } from './Membership';
import { Members } from './Members';
import { OrganisationCoalitions } from './OrganisationCoalitions';
import { spacePath } from './paths';

export function Overview({ kind, space }: { kind: SpaceKind; space: SpaceDetails }) {
  const { session } = useSession();
  const { t } = useI18n();
  // A member whose sign-in used no second factor sees the profile and why nothing else; every list would say 403.
  const mustAsk = !!session && space.requireTwoFactor === true && space.yourRole !== null;
  const signIn = useQuery({ ...queries.mySignIn(), enabled: mustAsk });
  if (mustAsk && signIn.data?.secondFactor !== true) {
    return (
      <>
        <Profile kind={kind} space={space} />
        {signIn.isPending ? <Loading /> : signIn.error ? <ErrorMessage error={signIn.error} /> : (
          <p role="alert" className="error">
            {t('space.twoFactorRefused')} <Link to="/security">{t('nav.security')}</Link>
          </p>
        )}
        <Membership kind={kind} space={space} />
      </>
    );
  }

  return (
    <>
      <Profile kind={kind} space={space} />
      {session && <Membership kind={kind} space={space} />}
      {kind === 'coalition' && <CoalitionOrganisations coalitionId={space.id} yourRole={space.yourRole} />}
      {kind === 'organisation' && space.yourRole && <OrganisationCoalitions organisationId={space.id} yourRole={space.yourRole} />}
      {(kind === 'organisation' || kind === 'coalition') && (
        <ChildSpaces parent={{ kind, id: space.id }} childKind="working-group" yourRole={space.yourRole} visibility={space.visibility} />
      )}
      {kind === 'coalition' && (
        <ChildSpaces parent={{ kind, id: space.id }} childKind="forum" yourRole={space.yourRole} visibility={space.visibility} />
      )}
      {kind === 'forum' && <ForumSessions forumId={space.id} yourRole={space.yourRole} />}
      <Members kind={kind} id={space.id} yourRole={space.yourRole} />
    </>
  );
}

function Profile({ kind, space }: { kind: SpaceKind; space: SpaceDetails }) {
  const { t, countryName } = useI18n();
  const org = kind === 'organisation' ? (space as OrganisationDetails) : null;
  const coalition = kind === 'coalition' ? (space as CoalitionDetails) : null;
  const group = kind === 'working-group' ? (space as WorkingGroupDetails) : null;
  const forum = kind === 'forum' ? (space as ForumDetails) : null;
  const committee = kind === 'committee' ? (space as CommitteeDetails) : null;
  const place = org ?? coalition;
  const text = org?.description ?? coalition?.description ?? group?.purpose ?? forum?.description ?? committee?.mandate;
  const tags = org?.topics ?? coalition?.topics ?? forum?.themes ?? [];
  const parent = group?.parent ?? forum?.parent ?? committee?.parent;

  return (
    <section aria-label={t('space.overview')}>
      {parent && (
        <p><ParentLink kind={parent.kind} id={parent.id} /></p>
      )}
      <dl className="facts">
        {org && <><dt>{t('form.kind')}</dt><dd>{t(`orgKind.${org.kind}`)}</dd></>}
        {place?.country && <><dt>{t('space.country')}</dt><dd>{countryName(place.country)}</dd></>}
        {place?.region && <><dt>{t('space.region')}</dt><dd><UserText text={place.region} /></dd></>}
        <dt>{t('space.visibility')}</dt><dd>{t(`visibility.${space.visibility}`)}</dd>
        {space.requireTwoFactor && <><dt>{t('space.twoFactorRequired')}</dt><dd>{t('space.twoFactorRequiredValue')}</dd></>}
        {org?.website && /^https?:\/\//i.test(org.website) && (
          <><dt>{t('space.website')}</dt><dd><a href={org.website} rel="noopener noreferrer nofollow" target="_blank" dir="auto">{org.website}</a></dd></>
        )}
      </dl>
      {tags.length > 0 && (
        <ul className="tags" aria-label={forum ? t('space.themes') : t('space.topics')}>
          {tags.map((tag) => <li key={tag}><UserText text={tag} /></li>)}
        </ul>
      )}
      {text && <UserParagraphs text={text} />}
    </section>
  );
}

function ParentLink({ kind, id }: { kind: SpaceKind; id: string }) {
  const { t } = useI18n();
  const parent = useQuery(queries.details(kind, id));
  const name = parent.data ? <UserText text={parent.data.name} /> : t(`kind.${kind}`);
  return <Trans k="space.partOf" values={{ name: <Link to={spacePath({ kind, id })}>{name}</Link> }} />;
}
