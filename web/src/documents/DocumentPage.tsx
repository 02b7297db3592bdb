// A document: its details, its versions (download, upload a file, write Markdown) and the latest version's sections
// as contents and text, with the comments beside each section.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { download } from '../api/download';
import { api } from '../api/endpoints';
import { keys, queries } from '../api/queries';
import type { DocumentView } from '../generated/openapi';
import { fieldErrorsOf, FormErrors, TextAreaField, TextField } from '../components/Field';
import { Page } from '../components/Page';
import { ErrorMessage, Loading, Notice } from '../components/Status';
import { UserMarkdown } from '../components/UserMarkdown';
import { UserParagraphs, UserText } from '../components/UserText';
import { useI18n, type MessageKey } from '../i18n';
import { spacePath } from '../spaces/paths';
import { CommentThreads } from './CommentThreads';
import { DocumentRounds } from './DocumentRounds';
import { EditDocument } from './EditDocument';
import { comparePath } from './paths';
import { useDocumentLive, type DocumentLive } from './useDocumentLive';

export { documentPath } from './paths';

export function DocumentPage() {
  const { id = '' } = useParams();
  const { t, formatDate } = useI18n();
  const document = useQuery(queries.document(id));
  const notice = (useLocation().state as { notice?: MessageKey } | null)?.notice;
  const live = useDocumentLive(id);
  if (document.isPending) return <Loading />;
  if (document.error) return <ErrorMessage error={document.error} />;
  const d = document.data;
  return (
    <Page title={d.title}>
      <p className="muted">
        {t(`document.status.${d.status}`)}
        {d.language && <> · <span dir="ltr">{d.language}</span></>}
        {' · '}{t('document.updated', { date: formatDate(d.updatedAt, true) })}
        {' · '}<Link to={spacePath(d.space)}>{t('document.inSpace')}</Link>
      </p>
      <Notice text={notice ? t(notice) : null} />
      <LiveStatus live={live} />
      {d.tags.length > 0 && <ul className="tags" aria-label={t('document.tags')}>{d.tags.map((tag) => <li key={tag}><UserText text={tag} /></li>)}</ul>}
      {d.description && <UserParagraphs text={d.description} />}
      {d.canManage && <EditDocument document={d} />}
      <Versions document={d} />
      {d.latest ? <LatestVersion document={d} number={d.latest.number} />
        : <DocumentRounds documentId={d.documentId} canManage={d.canManage} version={null} sections={[]} />}
    </Page>
  );
}

/** Others' new versions and comments, announced politely; a lost connection said once, while it lasts. */
function LiveStatus({ live }: { live: DocumentLive }) {
  const { t } = useI18n();
  const { change, connection } = live;
  const text = change?.kind === 'version' ? t('document.liveVersion', { number: change.number })
    : change?.kind === 'comment' ? t('document.liveComment') : null;
  return (
    <>
      <Notice text={text} />
      {(connection === 'reconnecting' || connection === 'offline') && <p className="muted">{t('document.liveReconnecting')}</p>}
    </>
  );
}

function Versions({ document: d }: { document: DocumentView }) {
  const { t, formatDate, formatNumber } = useI18n();
  const versions = useQuery(queries.documentVersions(d.documentId));
  const fetchFile = useMutation({
    mutationFn: ({ number, fileName }: { number: number; fileName: string }) =>
      download(`/api/v1/documents/${d.documentId}/versions/${number}/content`, fileName),
  });
  return (
    <section aria-labelledby="versions">
      <h2 id="versions">{t('document.versions')}</h2>
      <ErrorMessage error={fetchFile.error} />
      {versions.isPending ? <Loading /> : versions.error ? <ErrorMessage error={versions.error} /> : versions.data.length === 0 ? (
        <p className="muted">{t('document.noVersions')}</p>
      ) : (
        <ul className="rows">
          {[...versions.data].reverse().map((v) => (
            <li key={v.number} className="row-item">
              <div>
                <strong>{t('document.versionNumber', { number: v.number })}</strong> · <UserText text={v.fileName} />
                <div className="muted">
                  {formatDate(v.at, true)} · {t('document.size', { size: formatNumber(v.size) })}
                  {' · '}<span dir="ltr" className="hash" title={v.sha256}>SHA-256 {v.sha256.slice(0, 12)}…</span>
                </div>
                {v.changeNote && <UserParagraphs text={v.changeNote} />}
              </div>
              <div className="row-actions">
                {v.number > 1 && (
                  <Link to={comparePath(d.documentId, v.number - 1, v.number)}>{t('document.compareWithPrevious', { number: v.number - 1 })}</Link>
                )}
                <button type="button" disabled={fetchFile.isPending} aria-label={t('document.downloadVersion', { number: v.number })}
                  onClick={() => fetchFile.mutate({ number: v.number, fileName: v.fileName })}>{t('document.download')}</button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {d.canManage && <UploadVersion documentId={d.documentId} />}
      {d.canManage && <WriteMarkdown documentId={d.documentId} />}
    </section>
  );
}

function useVersionAdded(documentId: string) {
  const cache = useQueryClient();
  return () => cache.invalidateQueries({ queryKey: keys.document(documentId) });
}

function UploadVersion({ documentId }: { documentId: string }) {
  const { t, errorText } = useI18n();
  const added = useVersionAdded(documentId);
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [input, setInput] = useState(0);
  const upload = useMutation({
    mutationFn: () => api.uploadDocumentVersion(documentId, file!, note.trim() || null),
    onSuccess: async () => {
      setFile(null);
      setNote('');
      setInput((n) => n + 1);
      await added();
    },
  });
  return (
    <details className="create-child">
      <summary>{t('document.uploadVersion')}</summary>
      <form noValidate className="narrow" onSubmit={(e) => {
        e.preventDefault();
        if (!upload.isPending && file) upload.mutate();
      }}>
        {upload.error ? <p role="alert" className="error">{errorText(upload.error)}</p> : null}
        <Notice text={upload.isPending ? t('document.uploading') : upload.isSuccess ? t('document.versionAdded') : null} />
        <TextField key={input} label={t('document.file')} name="file" type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <TextField label={t('document.changeNote')} name="changeNote" dir="auto" maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" className="primary" disabled={upload.isPending || !file}>{t('document.uploadButton')}</button>
      </form>
    </details>
  );
}

function WriteMarkdown({ documentId }: { documentId: string }) {
  const { t } = useI18n();
  const added = useVersionAdded(documentId);
  const [markdown, setMarkdown] = useState('');
  const [note, setNote] = useState('');
  const write = useMutation({
    mutationFn: () => api.addMarkdownVersion(documentId, markdown, note.trim() || null),
    onSuccess: async () => {
      setMarkdown('');
      setNote('');
      await added();
    },
  });
  const errors = fieldErrorsOf(write.error);
  return (
    <details className="create-child">
      <summary>{t('document.writeMarkdown')}</summary>
      <form noValidate onSubmit={(e) => {
        e.preventDefault();
        if (!write.isPending && markdown.trim()) write.mutate();
      }}>
        <FormErrors error={write.error} />
        <Notice text={write.isSuccess ? t('document.versionAdded') : null} />
        <TextAreaField label={t('document.markdown')} name="markdown" rows={16} value={markdown} errors={errors} onChange={(e) => setMarkdown(e.target.value)} />
        <TextField label={t('document.changeNote')} name="changeNote" dir="auto" maxLength={1000} value={note} errors={errors} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" className="primary" disabled={write.isPending || !markdown.trim()}>{t('document.saveMarkdown')}</button>
      </form>
    </details>
  );
}

function LatestVersion({ document: d, number }: { document: DocumentView; number: number }) {
  const { t } = useI18n();
  const version = useQuery(queries.documentVersion(d.documentId, number));
  if (version.isPending) return <Loading />;
  if (version.error) return <ErrorMessage error={version.error} />;
  const sections = version.data.sections;
  const heading = (text: string) => text || t('document.untitledSection');
  return (
    <>
      <DocumentRounds documentId={d.documentId} canManage={d.canManage} version={number} sections={sections} />
      {sections.length > 0 && (
        <nav aria-label={t('document.contents')}>
          <h2>{t('document.contents')}</h2>
          <ol>{sections.map((s, i) => <li key={s.sectionId}><a href={`#section-${i}`}><UserText text={heading(s.heading)} /></a></li>)}</ol>
        </nav>
      )}
      {sections.map((s, i) => (
        <section key={s.sectionId} aria-labelledby={`section-${i}`} className="document-section">
          <h2 id={`section-${i}`} dir="auto">{heading(s.heading)}</h2>
          <UserMarkdown text={s.text} />
          <CommentThreads documentId={d.documentId} version={number} sectionId={s.sectionId} heading={heading(s.heading)}
            canComment={d.canComment} canManage={d.canManage} />
        </section>
      ))}
    </>
  );
}

export default DocumentPage;
