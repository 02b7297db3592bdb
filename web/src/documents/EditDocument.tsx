// The document's details for those who manage it (the space's coordinators, its creator): edit them, or delete the
// document with every version. Both send the version the form was read at, so a change someone made meanwhile is
// refused (412) rather than overwritten, and the form says so and offers the document as it now is.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { api } from '../api/endpoints';
import { keys, queries } from '../api/queries';
import type { DocumentView } from '../generated/openapi';
import { fieldErrorsOf, FormErrors } from '../components/Field';
import { Notice } from '../components/Status';
import { useI18n } from '../i18n';
import { spacePath } from '../spaces/paths';
import { DocumentFields, tagsFrom, type DocumentForm } from './SpaceDocuments';

const formOf = (d: DocumentView): DocumentForm => ({
  title: d.title, description: d.description ?? '', tags: d.tags.join(', '), language: d.language ?? '', status: d.status,
});

const changedMeanwhile = (error: unknown) => error instanceof ApiError && error.status === 412;

/** After a change to a document, what lists it: its space's lists and any search. */
function useDocumentListsChanged(d: DocumentView) {
  const cache = useQueryClient();
  return () => Promise.all([
    cache.invalidateQueries({ queryKey: [...keys.space(d.space.kind, d.space.id), 'documents'] }),
    cache.invalidateQueries({ queryKey: [...keys.space(d.space.kind, d.space.id), 'publications'] }),
    cache.invalidateQueries({ queryKey: keys.documentSearch }),
  ]);
}

export function EditDocument({ document: d }: { document: DocumentView }) {
  const { t } = useI18n();
  const cache = useQueryClient();
  const listsChanged = useDocumentListsChanged(d);
  const [form, setForm] = useState(() => formOf(d));
  // The version the form was filled from: live updates may refresh the page's copy while someone types.
  const [base, setBase] = useState(d.version);
  const save = useMutation({
    // An emptied description or language clears it; a field left null would stay as it is.
    mutationFn: () => api.updateDocument(d.documentId, {
      title: form.title.trim(), description: form.description.trim(), tags: tagsFrom(form.tags), language: form.language.trim(), status: form.status,
    }, base),
    onSuccess: async (updated) => {
      cache.setQueryData(queries.document(d.documentId).queryKey, updated);
      setForm(formOf(updated));
      setBase(updated.version);
      await listsChanged();
    },
  });
  const reload = useMutation({
    mutationFn: () => cache.fetchQuery({ ...queries.document(d.documentId), staleTime: 0 }),
    onSuccess: (fresh) => { setForm(formOf(fresh)); setBase(fresh.version); save.reset(); },
  });
  return (
    <details className="create-child">
      <summary>{t('document.editDetails')}</summary>
      <form noValidate className="narrow" onSubmit={(e) => {
        e.preventDefault();
        if (!save.isPending) save.mutate();
      }}>
        {changedMeanwhile(save.error) ? <ChangedMeanwhile busy={reload.isPending} onReload={() => reload.mutate()} /> : <FormErrors error={save.error ?? reload.error} />}
        <Notice text={save.isSuccess ? t('document.detailsSaved') : null} />
        <DocumentFields form={form} errors={fieldErrorsOf(save.error)} onChange={(patch) => setForm({ ...form, ...patch })} />
        <button type="submit" className="primary" disabled={save.isPending}>{t('document.saveDetails')}</button>
      </form>
      <DeleteDocument document={d} />
    </details>
  );
}

function ChangedMeanwhile({ busy, onReload }: { busy: boolean; onReload(): void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="error">
      <p>{t('document.changedMeanwhile')}</p>
      <button type="button" disabled={busy} onClick={onReload}>{t('document.reloadDetails')}</button>
    </div>
  );
}

function DeleteDocument({ document: d }: { document: DocumentView }) {
  const { t } = useI18n();
  const cache = useQueryClient();
  const navigate = useNavigate();
  const listsChanged = useDocumentListsChanged(d);
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    // The version on screen: deleting what one has not seen (a newer version, new details) is refused.
    mutationFn: () => api.deleteDocument(d.documentId, d.version),
    onSuccess: async () => {
      await listsChanged();
      navigate(`${spacePath(d.space)}/documents`, { state: { notice: 'document.deleted' } });
      cache.removeQueries({ queryKey: keys.document(d.documentId) });
    },
  });
  return (
    <section aria-labelledby="delete-document">
      <h2 id="delete-document">{t('document.deleteTitle')}</h2>
      {changedMeanwhile(remove.error) ? <p role="alert" className="error">{t('document.changedMeanwhile')}</p> : <FormErrors error={remove.error} />}
      {confirming ? (
        <div role="group" aria-labelledby="delete-confirm">
          <p id="delete-confirm">{t('document.deleteConfirm', { title: d.title })}</p>
          <div className="row-actions">
            <button type="button" className="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>{t('document.deleteYes')}</button>
            <button type="button" onClick={() => { setConfirming(false); remove.reset(); }}>{t('document.deleteCancel')}</button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>{t('document.deleteButton')}</button>
      )}
    </section>
  );
}
