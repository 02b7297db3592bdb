import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/endpoints';
import type { CoalitionOrganisation, DirectoryEntry, MemberOrganisationRole, SpaceRole } from '../api/types';
import { FormErrors, SelectField, TextField } from '../components/Field';
import { Notice } from '../components/Status';
import { useAsync } from '../components/useAsync';
import { useSubmit } from '../components/useSubmit';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { limits } from '../generated/errors';

/**
 * Organisations in a coalition, a page at a time. Hidden when the caller may not see them (the API answers with an
 * error); an organisation the caller may not see is listed without a name or link.
 */
export function CoalitionOrganisations({ coalitionId, yourRole = null }: { coalitionId: string; yourRole?: SpaceRole | null }) {
  const { t, formatDate } = useI18n();
  const first = useAsync(() => api.coalitionOrganisations(coalitionId), coalitionId);
  const [more, setMore] = useState<{ items: CoalitionOrganisation[]; next: string | null } | null>(null);
  const loadMore = useSubmit();
  if (first.error || (first.loading && !first.data)) return null;
  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const next = more ? more.next : first.data?.nextCursor ?? null;
  return (
    <section aria-labelledby="coalition-orgs">
      <h2 id="coalition-orgs">{t('space.organisations')}</h2>
      {items.length ? (
        <ul className="rows">
          {items.map((o) => (
            <li key={o.organisationId} className="row-item">
              {o.kind === null ? <span className="muted">{t('space.hiddenOrganisation')}</span>
                : <Link to={`/organisations/${o.organisationId}`}><UserText text={o.name} /></Link>}
              <span className="muted">
                {t(`orgStatus.${o.status}`)} · {formatDate(o.since)}
                {o.peopleRole !== 'none' && ` · ${t('space.peopleRole', { role: t(`role.${o.peopleRole}`) })}`}
              </span>
            </li>
          ))}
        </ul>
      ) : <p className="muted">{t('space.noOrganisations')}</p>}
      {next && (
        <button type="button" disabled={loadMore.busy} onClick={() => void loadMore.run(async () => {
          const page = await api.coalitionOrganisations(coalitionId, next);
          setMore({ items: [...(more?.items ?? []), ...page.items], next: page.nextCursor });
        })}>{t('space.moreOrganisations')}</button>
      )}
      {yourRole === 'coordinator' && (
        <InviteOrganisation coalitionId={coalitionId} current={items} onInvited={() => { setMore(null); first.reload(); }} />
      )}
    </section>
  );
}

/** For coalition coordinators: find an organisation in the directory and invite it. */
function InviteOrganisation({ coalitionId, current, onInvited }: { coalitionId: string; current: CoalitionOrganisation[]; onInvited(): void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<DirectoryEntry[] | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [peopleRole, setPeopleRole] = useState<MemberOrganisationRole>('observer');
  const search = useSubmit();
  const invite = useSubmit();
  const statusOf = (id: string) => current.find((o) => o.organisationId === id && o.status !== 'left')?.status;

  return (
    <div className="narrow">
      <h3 id="invite-org-heading">{t('coalitionInvite.title')}</h3>
      <form noValidate role="search" aria-labelledby="invite-org-heading" onSubmit={(e) => {
        e.preventDefault();
        setSent(null);
        void search.run(async () => {
          const page = await api.directory('organisations', { q: query.trim(), limit: 10 });
          setResults(page.items);
        });
      }}>
        <FormErrors error={search.error} />
        <TextField label={t('coalitionInvite.search')} name="q" type="search" dir="auto" maxLength={limits.nameMaxLength} value={query}
          onChange={(e) => setQuery(e.target.value)} errors={search.fieldErrors} />
        <button type="submit" disabled={search.busy}>{t('coalitionInvite.searchButton')}</button>
      </form>
      <SelectField label={t('coalitionInvite.peopleRole')} name="peopleRole" hint={t('coalitionInvite.peopleRoleHint')} value={peopleRole}
        onChange={(e) => setPeopleRole(e.target.value as MemberOrganisationRole)}>
        {(['none', 'observer', 'member'] as const).map((r) => <option key={r} value={r}>{t(r === 'none' ? 'coalitionInvite.noRole' : `role.${r}`)}</option>)}
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
                  <button type="button" disabled={invite.busy} aria-label={t('coalitionInvite.inviteLabel', { name: r.name })}
                    onClick={() => void invite.run(async () => {
                      await api.inviteOrganisation(coalitionId, r.id, peopleRole);
                      setSent(r.name);
                      onInvited();
                    })}>
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
