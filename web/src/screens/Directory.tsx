import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, NavLink, useParams, useSearchParams } from 'react-router';
import { queries } from '../api/queries';
import { coalitionKindValues, organisationKindValues, type CoalitionKind, type DirectoryEntry, type OrganisationKind } from '../generated/openapi';
import type { DirectoryFilter } from '../api/endpoints';
import { CountrySelect } from '../components/CountrySelect';
import { SelectField, TextField } from '../components/Field';
import { Page } from '../components/Page';
import { ErrorMessage, Loading } from '../components/Status';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { limits } from '../generated/errors';

type Which = 'organisations' | 'coalitions';
const filterNames = ['q', 'country', 'region', 'topic', 'kind'] as const;
type Filter = Pick<DirectoryFilter, (typeof filterNames)[number]>;

/** The filter a URL asks for: /directory/organisations?country=CO&topic=land&q=red */
export function filterFrom(params: URLSearchParams): Filter {
  const filter: Filter = {};
  for (const name of filterNames) {
    const value = params.get(name)?.trim();
    if (value) filter[name] = value;
  }
  return filter;
}

export function DirectoryScreen() {
  const { which } = useParams();
  if (which !== 'organisations' && which !== 'coalitions') return <Navigate to="/directory/organisations" replace />;
  return <Directory which={which} />;
}

function Directory({ which }: { which: Which }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  // The pages already shown stay in the cache under the filter, so going back to a listing shows it at once.
  const listing = useInfiniteQuery(queries.directory(which, filter));
  const items = listing.data?.pages.flatMap((page) => page.items) ?? [];
  const key = `${which}?${new URLSearchParams(filter)}`;

  return (
    <Page title={t('directory.title')}>
      <nav aria-label={t('directory.title')} className="tabs">
        <NavLink to={{ pathname: '/directory/organisations' }}>{t('kindPlural.organisation')}</NavLink>
        <NavLink to={{ pathname: '/directory/coalitions' }}>{t('kindPlural.coalition')}</NavLink>
      </nav>
      <Filters key={key} which={which} initial={filter} onApply={(next) => setParams(next)} />
      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="visually-hidden">{t(which === 'organisations' ? 'kindPlural.organisation' : 'kindPlural.coalition')}</h2>
        <ErrorMessage error={listing.error} />
        <p role="status" className="muted">
          {listing.isPending ? t('app.loading') : items.length === 0 ? t('directory.noResults') : t('directory.results', { count: items.length })}
        </p>
        <ul className="cards">
          {items.map((entry) => <EntryCard key={entry.id} entry={entry} which={which} />)}
        </ul>
        {listing.hasNextPage && !listing.isFetchingNextPage && (
          <button type="button" onClick={() => void listing.fetchNextPage()}>{t('directory.more')}</button>
        )}
        {listing.isFetchingNextPage && <Loading />}
      </section>
    </Page>
  );
}

function Filters({ which, initial, onApply }: { which: Which; initial: Filter; onApply(p: URLSearchParams): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Filter>(initial);
  const set = (name: keyof Filter) => (value: string) => setDraft((d) => ({ ...d, [name]: value }));

  return (
    <form role="search" aria-label={t('directory.filters')} className="filters" onSubmit={(e) => {
      e.preventDefault();
      const next = new URLSearchParams();
      for (const name of filterNames) {
        const value = String(draft[name] ?? '').trim();
        if (value && (name !== 'kind' || which === 'organisations')) next.set(name, value);
      }
      onApply(next);
    }}>
      <TextField label={t('directory.search')} name="q" type="search" dir="auto" maxLength={limits.nameMaxLength} value={draft.q ?? ''} onChange={(e) => set('q')(e.target.value)} />
      {/* Folded away until used, so on a phone the results are not below a screenful of empty fields. */}
      <details className="more-filters" open={Boolean(initial.country || initial.region || initial.topic || initial.kind)}>
        <summary>{t('directory.moreFilters')}</summary>
        <div className="filter-grid">
          <CountrySelect label={t('directory.country')} name="country" emptyLabel={t('directory.any')} value={draft.country ?? ''} onChange={set('country')} />
          <TextField label={t('directory.region')} name="region" dir="auto" maxLength={limits.shortTextMaxLength} value={draft.region ?? ''} onChange={(e) => set('region')(e.target.value)} />
          <TextField label={t('directory.topic')} name="topic" dir="auto" maxLength={limits.shortTextMaxLength} value={draft.topic ?? ''} onChange={(e) => set('topic')(e.target.value)} />
          {which === 'organisations' && (
            <SelectField label={t('directory.kind')} name="kind" value={draft.kind ?? ''} onChange={(e) => set('kind')(e.target.value)}>
              <option value="">{t('directory.any')}</option>
              {organisationKindValues.map((k) => <option key={k} value={k}>{t(`orgKind.${k}`)}</option>)}
            </SelectField>
          )}
        </div>
      </details>
      <div className="actions">
        <button type="submit" className="primary">{t('directory.apply')}</button>
        <button type="button" onClick={() => { setDraft({}); onApply(new URLSearchParams()); }}>{t('directory.clear')}</button>
      </div>
    </form>
  );
}

function EntryCard({ entry, which }: { entry: DirectoryEntry; which: Which }) {
  const { t, countryName } = useI18n();
  const kind = which === 'organisations'
    ? (isOneOf(organisationKindValues, entry.kind) ? t(`orgKind.${entry.kind}`) : null)
    : (isOneOf(coalitionKindValues, entry.kind) ? t(`coalitionKind.${entry.kind}`) : null);
  const place = [entry.region, entry.country ? countryName(entry.country) : null].filter(Boolean).join(', ');
  return (
    <li className="card">
      <Link to={`/${which}/${entry.id}`} dir="auto">{entry.name}</Link>
      <p className="muted">{kind}{kind && place && ' · '}{place && <UserText text={place} />}</p>
      {entry.summary && <UserText as="p" className="summary" text={entry.summary} />}
      {entry.topics.length > 0 && (
        <ul className="tags" aria-label={t('space.topics')}>
          {entry.topics.map((topic) => <li key={topic}><UserText text={topic} /></li>)}
        </ul>
      )}
    </li>
  );
}

// An entry's kind is a plain string in the contract (the listing's own kind, spelled as the API spells it): a kind
// this app version does not know yet is left out rather than shown as a raw word.
const isOneOf = <K extends OrganisationKind | CoalitionKind>(values: readonly K[], kind: string | null): kind is K =>
  (values as readonly (string | null)[]).includes(kind);
