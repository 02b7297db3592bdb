// Search across the documents the caller may see (their spaces' and public spaces'), best match first, page by page.
// The words are in the URL (/documents/search?q=…), so a search can be shared and the back button returns to it.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { queries } from '../api/queries';
import type { DocumentSearchHit, SpaceRef } from '../generated/openapi';
import { TextField } from '../components/Field';
import { Page } from '../components/Page';
import { ErrorMessage, Loading } from '../components/Status';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { spacePath } from '../spaces/paths';
import { documentLimits } from './documentLimits';
import { documentPath } from './paths';

export function DocumentSearch() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  return (
    <Page title={t('document.searchTitle')}>
      <SearchForm key={q} initial={q} onSearch={(next) => setParams(next ? { q: next } : {})} />
      {q ? <Results q={q} /> : <p className="muted">{t('document.searchHint')}</p>}
    </Page>
  );
}

function SearchForm({ initial, onSearch }: { initial: string; onSearch(q: string): void }) {
  const { t } = useI18n();
  const [text, setText] = useState(initial);
  return (
    <form role="search" aria-label={t('document.searchTitle')} className="filters" onSubmit={(e) => { e.preventDefault(); onSearch(text.trim()); }}>
      <TextField label={t('document.searchWords')} name="q" type="search" dir="auto" maxLength={documentLimits.searchMaxLength} value={text}
        onChange={(e) => setText(e.target.value)} />
      <div className="actions"><button type="submit" className="primary">{t('document.searchButton')}</button></div>
    </form>
  );
}

function Results({ q }: { q: string }) {
  const { t } = useI18n();
  const search = useInfiniteQuery(queries.documentSearch(q));
  const hits = search.data?.pages.flatMap((page) => page.hits) ?? [];
  return (
    <section aria-labelledby="search-results">
      <h2 id="search-results">{t('document.searchResults')}</h2>
      <ErrorMessage error={search.error} />
      <p role="status" className="muted">
        {search.isPending ? t('app.loading') : search.error ? '' : hits.length === 0 ? t('document.searchNothing', { q }) : t('document.searchCount', { count: hits.length })}
      </p>
      <ul className="rows">{hits.map((hit) => <Hit key={hit.documentId} hit={hit} q={q} />)}</ul>
      {search.hasNextPage && !search.isFetchingNextPage && (
        <button type="button" onClick={() => void search.fetchNextPage()}>{t('document.more')}</button>
      )}
      {search.isFetchingNextPage && <Loading />}
    </section>
  );
}

function Hit({ hit, q }: { hit: DocumentSearchHit; q: string }) {
  const { t } = useI18n();
  return (
    <li className="row-item">
      <div>
        <Link to={documentPath(hit.documentId)} dir="auto">{hit.title}</Link>
        <div className="muted">
          <SpaceName space={hit.space} /> · {t(`document.status.${hit.status}`)}
        </div>
        {hit.snippet && <p dir="auto"><Highlighted text={hit.snippet} q={q} /></p>}
        {hit.tags.length > 0 && (
          <ul className="tags" aria-label={t('document.tagsOf', { title: hit.title })}>
            {hit.tags.map((tag) => <li key={tag}><UserText text={tag} /></li>)}
          </ul>
        )}
      </div>
    </li>
  );
}

/** The space a hit lives in, by name once read (the caller sees inside it, or the hit would not be there). */
function SpaceName({ space }: { space: SpaceRef }) {
  const { t } = useI18n();
  const details = useQuery(queries.details(space.kind, space.id));
  return <Link to={spacePath(space)} dir="auto">{details.data?.name ?? t(`kind.${space.kind}`)}</Link>;
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The snippet with the searched words marked. The server's snippet is plain text; it matches ignoring accents, which
 * this does not, so a word found only through its accents stays unmarked.
 */
export function Highlighted({ text, q }: { text: string; q: string }) {
  const words = q.split(/\s+/).filter((w) => w.length > 1).map(escape);
  if (words.length === 0) return <>{text}</>;
  const pattern = new RegExp(`(${words.join('|')})`, 'giu');
  return <>{text.split(pattern).map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part))}</>;
}

export default DocumentSearch;
