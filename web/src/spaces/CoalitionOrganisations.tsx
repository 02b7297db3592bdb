import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/endpoints';
import { keys, queries } from '../api/queries';
import {
  memberOrganisationRoleValues, type CoalitionOrganisation, type DirectoryEntry, type MemberOrganisationRole, type SpaceRole,
} from '../generated/openapi';
import { fieldErrorsOf, FormErrors, SelectField, TextField } from '../components/Field';
import { Notice } from '../components/Status';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { limits } from '../generated/errors';

/**
 * Organisations in a coalition, a page at a time. Hidden when the caller may not see them (the API answers with an
 * error); an organisation the caller may not see is listed without a name or link.
 */
export function CoalitionOrganisations({ coalitionId, yourRole = null }: { coalitionId: string; yourRole?: SpaceRole | null }) {
  const { t } = useI18n();
  const pages = useInfiniteQuery(queries.coalitionOrganisations(coalitionId));
  const cache = useQueryClient();
  // The coalition's list and the organisation's own list of coalitions both show the link; the people role also
  // decides who may see the coalition's spaces, so everything of the coalition is read again.
  const changed = (organisationId: string) => Promise.all([
    cache.invalidateQueries({ queryKey: keys.space('coalition', coalitionId) }),
    cache.invalidateQueries({ queryKey: queries.organisationCoalitions(organisationId).queryKey }),
  ]);
  const setRole = useMutation({
    mutationFn: ({ organisationId, peopleRole }: { organisationId: string; peopleRole: MemberOrganisationRole }) =>
      api.setOrganisationRole(coalitionId, organisationId, peopleRole),
    onSuccess: (_, { organisationId }) => Promise.all([changed(organisationId), cache.invalidateQueries({ queryKey: keys.me })]),
  });
  if (pages.isPending || (pages.error && !pages.data)) return null;
  const items = pages.data.pages.flatMap((page) => page.items);
  const coordinator = yourRole === 'coordinator';
  return (
    <section aria-labelledby="coalition-orgs">
      <h2 id="coalition-orgs">{t('space.organisations')}</h2>
      <FormErrors error={setRole.error ?? pages.error} />
      {items.length ? (
        <ul className="rows">
          {items.map((o) => (
            // Keyed by role too: after a refetch the row's select starts from the role the server now says.
            <OrganisationRow key={`${o.organisationId}/${o.peopleRole}`} organisation={o} coordinator={coordinator} busy={setRole.isPending}
              onRole={(peopleRole) => setRole.mutate({ organisationId: o.organisationId, peopleRole })} />
          ))}
        </ul>
      ) : <p className="muted">{t('space.noOrganisations')}</p>}
      {pages.hasNextPage && (
        <button type="button" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>{t('space.moreOrganisations')}</button>
      )}
      {coordinator && <InviteOrganisation coalitionId={coalitionId} current={items} onInvited={changed} />}
    </section>
  );
}

function OrganisationRow({ organisation: o, coordinator, busy, onRole }: {
  organisation: CoalitionOrganisation; coordinator: boolean; busy: boolean; onRole(role: MemberOrganisationRole): void;
}) {
  const { t, formatDate } = useI18n();
  const [role, setRole] = useState(o.peopleRole);
  const selectId = `people-role-${o.organisationId}`;
  return (
    <li className="row-item">
      <div>
        {o.kind === null ? <span className="muted">{t('space.hiddenOrganisation')}</span>
          : <Link to={`/organisations/${o.organisationId}`}><UserText text={o.name} /></Link>}
        {' '}
        <span className="muted">
          {t(`orgStatus.${o.status}`)} · {formatDate(o.since)}
          {o.peopleRole !== 'none' && ` · ${t('space.peopleRole', { role: t(`role.${o.peopleRole}`) })}`}
        </span>
      </div>
      {coordinator && o.status !== 'left' && (
        <div className="row-actions">
          <label htmlFor={selectId} className="visually-hidden">{t('coalitionOrgs.peopleRoleOf', { name: o.kind === null ? t('space.hiddenOrganisation') : o.name })}</label>
          <select id={selectId} value={role} onChange={(e) => setRole(e.target.value as MemberOrganisationRole)}>
            {memberOrganisationRoleValues.map((r) => <option key={r} value={r}>{t(r === 'none' ? 'coalitionInvite.noRole' : `role.${r}`)}</option>)}
          </select>
          <button type="button" disabled={busy || role === o.peopleRole} onClick={() => onRole(role)}>{t('members.changeRole')}</button>
        </div>
      )}
    </li>
  );
}

/** For coalition coordinators: find an organisation in the directory and invite it. */
function InviteOrganisation({ coalitionId, current, onInvited }: {
  coalitionId: string; current: CoalitionOrganisation[]; onInvited(organisationId: string): Promise<unknown>;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [peopleRole, setPeopleRole] = useState<MemberOrganisationRole>('observer');
  // The directory is asked on a press of the button, not on every keystroke.
  const [asked, setAsked] = useState<string | null>(null);
  // The first ten matches: a coordinator narrows the name rather than paging through a long list.
  const search = useInfiniteQuery({ ...queries.directory('organisations', { q: asked ?? '' }, 10), enabled: asked !== null });
  const results: DirectoryEntry[] | null = search.data?.pages[0].items ?? null;
  const invite = useMutation({
    mutationFn: (r: DirectoryEntry) => api.inviteOrganisation(coalitionId, r.id, peopleRole),
    onSuccess: (_, r) => onInvited(r.id),
  });
  const sent = invite.isSuccess ? invite.variables.name : null;
  const statusOf = (id: string) => current.find((o) => o.organisationId === id && o.status !== 'left')?.status;

  return (
    <div className="narrow">
      <h3 id="invite-org-heading">{t('coalitionInvite.title')}</h3>
      <form noValidate role="search" aria-labelledby="invite-org-heading" onSubmit={(e) => {
        e.preventDefault();
        invite.reset();
        setAsked(query.trim());
      }}>
        <FormErrors error={search.error} />
        <TextField label={t('coalitionInvite.search')} name="q" type="search" dir="auto" maxLength={limits.nameMaxLength} value={query}
          onChange={(e) => setQuery(e.target.value)} errors={fieldErrorsOf(search.error)} />
        <button type="submit" disabled={search.isFetching}>{t('coalitionInvite.searchButton')}</button>
      </form>
      <SelectField label={t('coalitionInvite.peopleRole')} name="peopleRole" hint={t('coalitionInvite.peopleRoleHint')} value={peopleRole}
        onChange={(e) => setPeopleRole(e.target.value as MemberOrganisationRole)}>
        {memberOrganisationRoleValues.map((r) => <option key={r} value={r}>{t(r === 'none' ? 'coalitionInvite.noRole' : `role.${r}`)}</option>)}
      </SelectField>
      <Notice text={sent ? t('coalitionInvite.sent', { name: sent }) : null} />
      <FormErrors error={invite.error} />
      {results && (results.length ? (
        <ul className="rows" aria-label={t('coalitionInvite.results')}>
          {results.map((r) => {
            const status = statusOf(r.id);
            return (
              <li key={r.id} className="row-item">
                <UserText text={r.name} />
                {status ? <span className="muted">{t(`orgStatus.${status}`)}</span> : (
                  <button type="button" disabled={invite.isPending} aria-label={t('coalitionInvite.inviteLabel', { name: r.name })}
                    onClick={() => invite.mutate(r)}>
                    {t('coalitionInvite.invite')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : <p className="muted">{t('coalitionInvite.noResults')}</p>)}
    </div>
  );
}
