// A space's documents tab: the list as the index pages it (most recently changed first), filtered by status and one
// tag in the URL, and, for the space's members, the form that creates a document and opens it for its first version.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, type SpaceDocumentFilter } from '../api/endpoints';
import { keys, queries } from '../api/queries';
import { documentStatusValues, type DocumentStatus, type DocumentSummary, type SpaceRef } from '../generated/openapi';
import { fieldErrorsOf, FormErrors, SelectField, TextAreaField, TextField } from '../components/Field';
import { ErrorMessage, Loading } from '../components/Status';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { newId, splitList } from '../spaces/paths';
import { documentLimits } from './documentLimits';
import { documentPath } from './paths';

const isStatus = (value: string | null): value is DocumentStatus => (documentStatusValues as readonly (string | null)[]).includes(value);

/** The filter a URL asks for: …/documents?status=draft&tag=water */
export function documentFilterFrom(params: URLSearchParams): SpaceDocumentFilter {
  const status = params.get('status');
  const tag = params.get('tag')?.trim().toLowerCase();
  return { ...(isStatus(status) ? { status } : {}), ...(tag ? { tag } : {}) };
}

export function SpaceDocuments({ space, canCreate }: { space: SpaceRef; canCreate: boolean }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter = documentFilterFrom(params);
  const listing = useInfiniteQuery(queries.spaceDocuments(space, filter));
  const documents = listing.data?.pages.flatMap((page) => page.documents) ?? [];

  return (
    <section aria-labelledby="space-documents">
      <h2 id="space-documents">{t('document.spaceDocuments')}</h2>
      {canCreate && <NewDocument space={space} />}
      <DocumentFilters key={`${filter.status ?? ''}|${filter.tag ?? ''}`} initial={filter} onApply={(next) => {
        const query = new URLSearchParams();
        if (next.status) query.set('status', next.status);
        if (next.tag) query.set('tag', next.tag);
        setParams(query);
      }} />
      <DocumentList listing={listing} documents={documents} empty={t('document.noDocuments')} />
    </section>
  );
}

interface Listing { isPending: boolean; error: unknown; hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage(): Promise<unknown> }

/** A page of documents with its count announced politely and "show more" while the server has more. */
export function DocumentList({ listing, documents, empty }: { listing: Listing; documents: DocumentSummary[]; empty: string }) {
  const { t } = useI18n();
  return (
    <>
      <ErrorMessage error={listing.error} />
      <p role="status" className="muted">
        {listing.isPending ? t('app.loading') : listing.error ? '' : documents.length === 0 ? empty : t('document.documentCount', { count: documents.length })}
      </p>
      <ul className="rows">{documents.map((d) => <DocumentRow key={d.documentId} document={d} />)}</ul>
      {listing.hasNextPage && !listing.isFetchingNextPage && (
        <button type="button" onClick={() => void listing.fetchNextPage()}>{t('document.more')}</button>
      )}
      {listing.isFetchingNextPage && <Loading />}
    </>
  );
}

function DocumentRow({ document: d }: { document: DocumentSummary }) {
  const { t, formatDate } = useI18n();
  return (
    <li className="row-item">
      <div>
        <Link to={documentPath(d.documentId)} dir="auto">{d.title}</Link>
        <div className="muted">
          {t(`document.status.${d.status}`)}
          {' · '}{t('document.updated', { date: formatDate(d.updatedAt, true) })}
          {' · '}{d.latestVersion > 0 ? t('document.latestVersion', { number: d.latestVersion }) : t('document.noVersions')}
        </div>
        {d.tags.length > 0 && (
          <ul className="tags" aria-label={t('document.tagsOf', { title: d.title })}>
            {d.tags.map((tag) => <li key={tag}><UserText text={tag} /></li>)}
          </ul>
        )}
      </div>
    </li>
  );
}

function DocumentFilters({ initial, onApply }: { initial: SpaceDocumentFilter; onApply(filter: SpaceDocumentFilter): void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<string>(initial.status ?? '');
  const [tag, setTag] = useState(initial.tag ?? '');
  return (
    <form role="search" aria-label={t('document.filters')} className="filters" onSubmit={(e) => {
      e.preventDefault();
      onApply({ ...(isStatus(status) ? { status } : {}), ...(tag.trim() ? { tag: tag.trim().toLowerCase() } : {}) });
    }}>
      <div className="filter-grid">
        <SelectField label={t('document.statusField')} name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t('document.anyStatus')}</option>
          {documentStatusValues.map((s) => <option key={s} value={s}>{t(`document.status.${s}`)}</option>)}
        </SelectField>
        <TextField label={t('document.tagFilter')} name="tag" dir="auto" maxLength={documentLimits.tagMaxLength} value={tag} onChange={(e) => setTag(e.target.value)} />
      </div>
      <div className="actions">
        <button type="submit" className="primary">{t('document.applyFilters')}</button>
        <button type="button" onClick={() => { setStatus(''); setTag(''); onApply({}); }}>{t('document.clearFilters')}</button>
      </div>
    </form>
  );
}

function NewDocument({ space }: { space: SpaceRef }) {
  const { t } = useI18n();
  const cache = useQueryClient();
  const navigate = useNavigate();
  // One key per intended document: a submit retried after a lost answer gets the same document back.
  const [key] = useState(newId);
  const [form, setForm] = useState({ title: '', description: '', tags: '', language: '', status: 'draft' as DocumentStatus });
  const create = useMutation({
    mutationFn: () => api.createDocument(space, {
      title: form.title.trim(), description: form.description.trim() || null, tags: tagsFrom(form.tags),
      language: form.language.trim() || null, status: form.status,
    }, key),
    onSuccess: async (created) => {
      await cache.invalidateQueries({ queryKey: [...keys.space(space.kind, space.id), 'documents'] });
      await cache.invalidateQueries({ queryKey: [...keys.space(space.kind, space.id), 'publications'] });
      navigate(documentPath(created.documentId), { state: { notice: 'document.created' } });
    },
  });
  const errors = fieldErrorsOf(create.error);
  return (
    <details className="create-child">
      <summary>{t('document.newDocument')}</summary>
      <form noValidate className="narrow" onSubmit={(e) => {
        e.preventDefault();
        if (!create.isPending) create.mutate();
      }}>
        <FormErrors error={create.error} />
        <DocumentFields form={form} errors={errors} onChange={(patch) => setForm({ ...form, ...patch })} />
        <button type="submit" className="primary" disabled={create.isPending}>{t('document.createButton')}</button>
      </form>
    </details>
  );
}

/** Tags as typed, split at commas, the Arabic comma included. */
export const tagsFrom = (text: string) => splitList(text.replace(/،/g, ','));

export interface DocumentForm { title: string; description: string; tags: string; language: string; status: DocumentStatus }

/** The details a document is created with and edited through, with the server's messages under each field. */
export function DocumentFields({ form, errors, onChange }: {
  form: DocumentForm; errors: Readonly<Record<string, string[]>>; onChange(patch: Partial<DocumentForm>): void;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField label={t('document.titleField')} name="title" required dir="auto" maxLength={documentLimits.titleMaxLength} value={form.title}
        errors={errors} onChange={(e) => onChange({ title: e.target.value })} />
      <TextAreaField label={t('document.descriptionField')} name="description" maxLength={documentLimits.descriptionMaxLength} value={form.description}
        errors={errors} onChange={(e) => onChange({ description: e.target.value })} />
      <TextField label={t('document.tagsField')} name="tags" hint={t('document.tagsHint')} dir="auto" value={form.tags}
        errors={errors} onChange={(e) => onChange({ tags: e.target.value })} />
      <TextField label={t('document.languageField')} name="language" hint={t('document.languageHint')} dir="ltr" maxLength={documentLimits.languageMaxLength}
        value={form.language} errors={errors} onChange={(e) => onChange({ language: e.target.value })} />
      <SelectField label={t('document.statusField')} name="status" value={form.status} errors={errors}
        onChange={(e) => onChange({ status: e.target.value as DocumentStatus })}>
        {documentStatusValues.map((s) => <option key={s} value={s}>{t(`document.status.${s}`)}</option>)}
      </SelectField>
    </>
  );
}
