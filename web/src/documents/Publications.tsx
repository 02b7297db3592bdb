// A space's publications: its published documents, by tag. Open to whoever sees inside the space, which for a public
// space is everyone, signed in or not. The tags offered are those of the publications read so far.
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { queries } from '../api/queries';
import type { SpaceRef } from '../generated/openapi';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { DocumentList } from './SpaceDocuments';

export function Publications({ space }: { space: SpaceRef }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const tag = params.get('tag')?.trim().toLowerCase() || undefined;
  const all = useInfiniteQuery(queries.spacePublications(space, undefined));
  const tagged = useInfiniteQuery({ ...queries.spacePublications(space, tag), enabled: tag !== undefined });
  const listing = tag === undefined ? all : tagged;
  const documents = listing.data?.pages.flatMap((page) => page.documents) ?? [];
  const tags = [...new Set([...(all.data?.pages.flatMap((page) => page.documents.flatMap((d) => d.tags)) ?? []), ...(tag ? [tag] : [])])].sort();

  return (
    <section aria-labelledby="publications">
      <h2 id="publications">{t('document.publications')}</h2>
      {tags.length > 0 && (
        <nav aria-label={t('document.publicationTags')}>
          <ul className="tags">
            <li><Link to={{ search: '' }} aria-current={tag === undefined ? 'page' : undefined}>{t('document.allTags')}</Link></li>
            {tags.map((name) => (
              <li key={name}>
                <Link to={{ search: `?${new URLSearchParams({ tag: name })}` }} aria-current={tag === name ? 'page' : undefined}><UserText text={name} /></Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {tag !== undefined && <h3 dir="auto">{t('document.withTag', { tag })}</h3>}
      <DocumentList listing={listing} documents={documents} empty={t('document.noPublications')} />
    </section>
  );
}
