import { useEffect, useEffectEvent, useState } from 'react';
import { Link, Navigate, NavLink, useParams, useSearchParams } from 'react-router';
import { api } from '../api/endpoints';
import { organisationKinds, type DirectoryEntry, type DirectoryFilter } from '../api/types';
import { CountrySelect } from '../components/CountrySelect';
import { SelectField, TextField } from '../components/Field';
import { Page } from '../components/Page';
import { ErrorMessage, Loading } from '../components/Status';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { limits } from '../generated/errors';

type Which = 'organisations' | 'coalitions';
const filterNames = ['q', 'country', 'region', 'topic', 'kind'] as const;
const pageSize = 20;

/** The filter a URL asks for: /directory/organisations?country=CO&topic=land&q=red */
export function filterFrom(params: URLSearchParams): DirectoryFilter {
  const filter: DirectoryFilter = {};
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
  const key = `${which}?${new URLSearchParams(filter as Record<string, string>)}`;
  const [items, setItems] = useState<DirectoryEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const load = async (after: string | null, append: boolean) => {
    setLoading(true);
    setError(null);
    try {
      const page = await api.directory(which, { ...filter, cursor: after ?? undefined, limit: pageSize });
      setItems((current) => (append ? [...current, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  };

  // `key` stands for the filter: a new first page when it changes, not on every render.
  const loadFirstPage = useEffectEvent(() => { void load(null, false); });
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the loading state must show as soon as the key changes; the query cache that replaces these loaders (issue 13) removes this.
  useEffect(() => { loadFirstPage(); }, [key]);

  return (
    <Page title={t('directory.title')}>
      <nav aria-label={t('directory.title')} className="tabs">
        <NavLink to={{ pathname: '/directory/organisations' }}>{t('kindPlural.organisation')}</NavLink>
        <NavLink to={{ pathname: '/directory/coalitions' }}>{t('kindPlural.coalition')}</NavLink>
      </nav>
      <Filters key={key} which={which} initial={filter} onApply={(next) => setParams(next)} />
      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="visually-hidden">{t(which === 'organisations' ? 'kindPlural.organisation' : 'kindPlural.coalition')}</h2>
        <ErrorMessage error={error} />
        <p role="status" className="muted">
          {loading ? t('app.loading') : items.length === 0 ? t('directory.noResults') : t('directory.results', { count: items.length })}
        </p>
        <ul className="cards">
          {items.map((entry) => <EntryCard key={entry.id} entry={entry} which={which} />)}
        </ul>
        {cursor && !loading && (
          <button type="button" onClick={() => load(cursor, true)}>{t('directory.more')}</button>
        )}
        {loading && items.length > 0 && <Loading />}
      </section>
    </Page>
  );
}

function Filters({ which, initial, onApply }: { which: Which; initial: DirectoryFilter; onApply(p: URLSearchParams): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<DirectoryFilter>(initial);
  const set = (name: keyof DirectoryFilter) => (value: string) => setDraft((d) => ({ ...d, [name]: value }));

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
              {organisationKinds.map((k) => <option key={k} value={k}>{t(`orgKind.${k}`)}</option>)}
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
  const kind = entry.kind && (organisationKinds as readonly string[]).includes(entry.kind)
    ? t(`orgKind.${entry.kind as (typeof organisationKinds)[number]}`) : null;
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
