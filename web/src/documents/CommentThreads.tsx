// The threads on one section of one version: each first comment with its replies, who wrote it and for which
// organisation, whether its section has changed since, and the post, reply, resolve and reopen actions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/endpoints';
import { keys, queries } from '../api/queries';
import { useSession } from '../auth/session';
import type { CommentStatus, CommentThread, CommentView } from '../generated/openapi';
import { fieldErrorsOf, FormErrors, TextAreaField } from '../components/Field';
import { ErrorMessage, Loading, Notice } from '../components/Status';
import { UserParagraphs, UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { newId } from '../spaces/paths';

interface Props {
  documentId: string;
  version: number;
  sectionId: string;
  heading: string;
  /** The feedback round the comments answer: the list shows that round's threads, new comments join it. */
  roundId?: string;
  /** Whether the caller may start threads and reply (a closed round takes no more). */
  canComment: boolean;
  /** The drafting team resolves and reopens any thread; an author their own. */
  canManage: boolean;
}

export function CommentThreads({ documentId, version, sectionId, heading, roundId, canComment, canManage }: Props) {
  const { t } = useI18n();
  const { session } = useSession();
  const cache = useQueryClient();
  const threads = useQuery(queries.documentComments(documentId, { section: sectionId, round: roundId }));
  const refresh = () => cache.invalidateQueries({ queryKey: [...keys.document(documentId), 'comments'] });
  const setStatus = useMutation({
    mutationFn: ({ commentId, status }: { commentId: string; status: CommentStatus }) => api.setDocumentCommentStatus(documentId, commentId, status),
    onSuccess: refresh,
  });
  const post = (text: string, parentId: string | null, key: string) =>
    api.postDocumentComment(documentId, { version, sectionId, quote: null, parentId, text, organisationId: null, roundId: roundId ?? null }, key);

  return (
    <section className="comments" aria-label={t('document.commentsOn', { heading })}>
      <FormErrors error={setStatus.error} />
      {threads.isPending ? <Loading /> : threads.error ? <ErrorMessage error={threads.error} /> : threads.data.threads.length === 0 ? (
        <p className="muted">{t('document.noComments')}</p>
      ) : (
        <ul className="rows">
          {threads.data.threads.map((thread) => (
            <Thread key={thread.comment.comment.commentId} thread={thread} canComment={canComment}
              canChange={canManage || thread.comment.comment.authorPersonId === session?.personId} busy={setStatus.isPending}
              onStatus={(status) => setStatus.mutate({ commentId: thread.comment.comment.commentId, status })}
              onReply={(text, key) => post(text, thread.comment.comment.commentId, key)} onPosted={refresh} />
          ))}
        </ul>
      )}
      {canComment && <CommentForm label={t('document.newComment')} submit={t('document.postComment')} send={(text, key) => post(text, null, key)} onPosted={refresh} />}
    </section>
  );
}

function Thread({ thread, canComment, canChange, busy, onStatus, onReply, onPosted }: {
  thread: CommentThread; canComment: boolean; canChange: boolean; busy: boolean;
  onStatus(status: CommentStatus): void; onReply(text: string, key: string): Promise<unknown>; onPosted(): Promise<unknown>;
}) {
  const { t } = useI18n();
  const first = thread.comment.comment;
  const resolved = first.status === 'resolved';
  return (
    <li className="row-item comment-thread">
      <div>
        <Comment view={thread.comment} />
        {resolved && <p className="muted">{t('document.resolved')}</p>}
        {thread.replies.length > 0 && (
          <ul className="replies" aria-label={t('document.replies', { count: thread.replies.length })}>
            {thread.replies.map((reply) => <li key={reply.comment.commentId}><Comment view={reply} /></li>)}
          </ul>
        )}
        {canComment && !resolved && <CommentForm label={t('document.reply')} submit={t('document.postReply')} collapsed send={onReply} onPosted={onPosted} />}
      </div>
      {canChange && (
        <div className="row-actions">
          <button type="button" disabled={busy} onClick={() => onStatus(resolved ? 'open' : 'resolved')}>
            {resolved ? t('document.reopen') : t('document.resolve')}
          </button>
        </div>
      )}
    </li>
  );
}

/** One comment: its author (and organisation), when, the quoted passage, its text and the drafting team's response. */
export function Comment({ view }: { view: CommentView }) {
  const { t, formatDate } = useI18n();
  const c = view.comment;
  return (
    <article className="comment">
      <p className="muted">
        <strong><UserText text={view.authorName} /></strong>
        {view.organisationName && <> · <UserText text={view.organisationName} /></>}
        {' · '}{formatDate(c.at, true)}
        {view.mark === 'changed' && <> · <span className="warning">{t('document.sectionChanged')}</span></>}
        {view.mark === 'vanished' && <> · <span className="warning">{t('document.sectionVanished')}</span></>}
      </p>
      {c.quote && <blockquote dir="auto">{c.quote}</blockquote>}
      <UserParagraphs text={c.text} />
      {c.response && (
        <div className="response">
          <p><strong>{t(`document.response.${c.response.kind}`)}</strong>
            {view.responderName && <> · <UserText text={view.responderName} /></>}</p>
          {c.response.reply && <UserParagraphs text={c.response.reply} />}
        </div>
      )}
    </article>
  );
}

function CommentForm({ label, submit, send, onPosted, collapsed = false }: {
  label: string; submit: string; send(text: string, key: string): Promise<unknown>; onPosted(): Promise<unknown>; collapsed?: boolean;
}) {
  const { t } = useI18n();
  const [key, setKey] = useState(newId);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(!collapsed);
  const mutation = useMutation({
    mutationFn: () => send(text.trim(), key),
    onSuccess: async () => {
      setKey(newId());
      setText('');
      if (collapsed) setOpen(false);
      await onPosted();
    },
  });
  if (!open) return <button type="button" className="link" onClick={() => setOpen(true)}>{label}</button>;
  return (
    <form noValidate onSubmit={(e) => {
      e.preventDefault();
      if (!mutation.isPending && text.trim()) mutation.mutate();
    }}>
      <FormErrors error={mutation.error} />
      <Notice text={mutation.isSuccess ? t('document.commentPosted') : null} />
      <TextAreaField label={label} name="text" required maxLength={8000} value={text} errors={fieldErrorsOf(mutation.error)}
        onChange={(e) => setText(e.target.value)} />
      <button type="submit" className="primary" disabled={mutation.isPending || !text.trim()}>{submit}</button>
    </form>
  );
}
