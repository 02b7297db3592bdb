// A feedback round's consolidated report: per section, every thread across the groups with its author's organisation
// and group, and the drafting team's response to each (accepted, partly, not taken, with a reply); .md and .csv exports.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { download } from '../api/download';
import { api } from '../api/endpoints';
import { keys, queries } from '../api/queries';
import { responseKindValues, type CommentThread, type ResponseKind } from '../generated/openapi';
import { FormErrors, SelectField, TextAreaField, fieldErrorsOf } from '../components/Field';
import { Page } from '../components/Page';
import { ErrorMessage, Loading, Notice } from '../components/Status';
import { useI18n } from '../i18n';
import { Comment } from './CommentThreads';
import { roundPath } from './MyFeedbackRounds';

export function RoundReport() {
  const { id = '' } = useParams();
  const { t, formatDate } = useI18n();
  const report = useQuery(queries.feedbackRoundReport(id));
  const round = useQuery(queries.feedbackRound(id));
  const exportFile = useMutation({
    mutationFn: (format: 'md' | 'csv') => download(`/api/v1/feedback-rounds/${id}/report.${format}`, `feedback-round-${id}.${format}`),
  });
  if (report.isPending) return <Loading />;
  if (report.error) return <ErrorMessage error={report.error} />;
  const r = report.data;
  const canRespond = round.data?.canManage ?? false;
  const groupName = (groupId: string | undefined) => r.groups.find((g) => g.space.id === groupId)?.name ?? null;
  const threadCount = r.sections.reduce((n, s) => n + s.threads.length, 0);
  return (
    <Page title={t('document.reportOf', { title: r.title })} actions={<Link to={roundPath(id)}>{t('document.backToRound')}</Link>}>
      <p className="muted">
        {t('document.roundOn', { title: r.documentTitle, version: r.version })}
        {' · '}{t(`document.roundStatus.${r.status}`)}
        {' · '}{t('document.deadline', { date: formatDate(r.deadline, true) })}
        {' · '}{t('document.commentCount', { count: threadCount })}
      </p>
      <div className="actions">
        <button type="button" disabled={exportFile.isPending} onClick={() => exportFile.mutate('md')}>{t('document.downloadMarkdown')}</button>
        <button type="button" disabled={exportFile.isPending} onClick={() => exportFile.mutate('csv')}>{t('document.downloadCsv')}</button>
      </div>
      <ErrorMessage error={exportFile.error} />
      {r.sections.map((s, i) => (
        <section key={s.sectionId} aria-labelledby={`report-section-${i}`}>
          <h2 id={`report-section-${i}`} dir="auto">{s.heading || t('document.untitledSection')}</h2>
          {s.threads.length === 0 ? <p className="muted">{t('document.noComments')}</p> : (
            <ul className="rows">
              {s.threads.map((thread) => (
                <li key={thread.comment.comment.commentId} className="row-item">
                  <div>
                    {groupName(thread.comment.comment.group?.id) && <p className="muted">{t('document.fromGroup', { group: groupName(thread.comment.comment.group?.id)! })}</p>}
                    <Comment view={thread.comment} />
                    {thread.replies.length > 0 && (
                      <ul className="replies" aria-label={t('document.replies', { count: thread.replies.length })}>
                        {thread.replies.map((reply) => <li key={reply.comment.commentId}><Comment view={reply} /></li>)}
                      </ul>
                    )}
                    {canRespond && <ResponseForm roundId={id} thread={thread} />}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </Page>
  );
}

/** The drafting team's answer to one comment; saving again replaces it. */
function ResponseForm({ roundId, thread }: { roundId: string; thread: CommentThread }) {
  const { t } = useI18n();
  const cache = useQueryClient();
  const comment = thread.comment.comment;
  const [kind, setKind] = useState<ResponseKind | ''>(comment.response?.kind ?? '');
  const [reply, setReply] = useState(comment.response?.reply ?? '');
  const respond = useMutation({
    mutationFn: () => api.respondToDocumentComment(comment.documentId, comment.commentId, kind as ResponseKind, reply.trim() || null),
    onSuccess: () => Promise.all([
      cache.invalidateQueries({ queryKey: keys.feedbackRound(roundId) }),
      cache.invalidateQueries({ queryKey: [...keys.document(comment.documentId), 'comments'] }),
    ]),
  });
  const errors = fieldErrorsOf(respond.error);
  return (
    <form noValidate className="response-form" aria-label={t('document.respondTo', { author: thread.comment.authorName })} onSubmit={(e) => {
      e.preventDefault();
      if (!respond.isPending && kind) respond.mutate();
    }}>
      <FormErrors error={respond.error} />
      <Notice text={respond.isSuccess ? t('document.responseSaved') : null} />
      <SelectField label={t('document.responseKind')} name="kind" value={kind} errors={errors} onChange={(e) => setKind(e.target.value as ResponseKind)}>
        <option value="">{t('document.chooseResponse')}</option>
        {responseKindValues.map((k) => <option key={k} value={k}>{t(`document.response.${k}`)}</option>)}
      </SelectField>
      <TextAreaField label={t('document.responseReply')} name="reply" maxLength={8000} value={reply} errors={errors}
        onChange={(e) => setReply(e.target.value)} />
      <button type="submit" className="primary" disabled={respond.isPending || !kind}>{t('document.saveResponse')}</button>
    </form>
  );
}

export default RoundReport;
