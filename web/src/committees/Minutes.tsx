// A meeting's minutes: drafted from the record, edited as Markdown and circulated by the chair or secretary,
// commented on by the committee's people while circulated, and read-only once a later meeting approves them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { download } from '../api/download';
import { api } from '../api/endpoints';
import { keys, queries } from '../api/queries';
import type { MinutesView } from '../generated/openapi';
import { fieldErrorsOf, FormErrors, TextAreaField } from '../components/Field';
import { Page } from '../components/Page';
import { ErrorMessage, Loading, Notice } from '../components/Status';
import { UserParagraphs, UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { newId } from '../spaces/paths';
import { usePersonNames } from '../spaces/usePersonNames';
import { meetingPath } from './CommitteeMeetings';

/** The exports of a meeting's minutes: the Markdown file and the printable page. */
export const minutesExports = (meetingId: string) => {
  const base = `/api/v1/meetings/${encodeURIComponent(meetingId)}/minutes`;
  return { markdown: `${base}.md`, page: `${base}.html` };
};

export function Minutes() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const cache = useQueryClient();
  const meeting = useQuery(queries.meeting(id));
  const minutes = useQuery(queries.minutes(id));
  const keeps = meeting.data?.you.runsMeeting === true;
  const none = minutes.error instanceof ApiError && minutes.error.code === 'committee.minutes-not-found';
  const draft = useMutation({
    mutationFn: () => api.draftMinutes(id),
    onSuccess: (view) => cache.setQueryData(queries.minutes(id).queryKey, view),
  });
  const title = meeting.data ? t('committee.minutesOf', { title: meeting.data.title }) : t('committee.minutesTitle');
  return (
    <Page title={title}>
      <p><Link to={meetingPath(id)}>{t('committee.backToMeeting')}</Link></p>
      <ErrorMessage error={meeting.error} />
      {minutes.isPending ? <Loading /> : none ? <>
        <p className="muted">{t('committee.noMinutes')}</p>
        <FormErrors error={draft.error} />
        {keeps && <button type="button" className="primary" disabled={draft.isPending} onClick={() => draft.mutate()}>{t('committee.draftMinutes')}</button>}
      </> : minutes.error ? <ErrorMessage error={minutes.error} /> : (
        <MinutesBody meetingId={id} minutes={minutes.data} keeps={keeps}
          onChanged={(view) => cache.setQueryData(queries.minutes(id).queryKey, view)} />
      )}
    </Page>
  );
}

function MinutesBody({ meetingId, minutes, keeps, onChanged }: { meetingId: string; minutes: MinutesView; keeps: boolean; onChanged(view: MinutesView): void }) {
  const { t, formatDate } = useI18n();
  const cache = useQueryClient();
  // The text being edited and the version it was read at: a save is refused (412) if someone saved another since.
  const [base, setBase] = useState({ markdown: minutes.markdown, version: minutes.version });
  const [text, setText] = useState(minutes.markdown);
  const [exportError, setExportError] = useState<unknown>(null);
  const [notice, setNotice] = useState<'committee.saved' | 'committee.circulated' | null>(null);
  const approved = minutes.status === 'approved';
  const save = useMutation({
    mutationFn: () => api.editMinutes(meetingId, text, base.version),
    onSuccess: (view) => { setBase({ markdown: view.markdown, version: view.version }); setText(view.markdown); setNotice('committee.saved'); onChanged(view); },
  });
  const circulate = useMutation({
    mutationFn: () => api.circulateMinutes(meetingId),
    onSuccess: async (view) => {
      setBase({ markdown: view.markdown, version: view.version });
      setNotice('committee.circulated');
      onChanged(view);
      await cache.invalidateQueries({ queryKey: keys.meeting(meetingId) });
    },
  });
  const paths = minutesExports(meetingId);
  const saveFile = (path: string, name: string) => { setExportError(null); void download(path, name).catch(setExportError); };
  return (
    <>
      <p className="muted">
        {t(`committee.minutesStatus.${minutes.status}`)} · {t('committee.updatedOn', { date: formatDate(minutes.updatedAt, true) })}
        {minutes.approval && <> · {t('committee.approvedBy', { number: minutes.approval.decisionNumber })}</>}
      </p>
      <p className="row-actions">
        <a href={paths.markdown} onClick={(e) => { e.preventDefault(); saveFile(paths.markdown, `minutes-${meetingId}.md`); }}>{t('committee.exportMarkdown')}</a>
        <a href={paths.page} onClick={(e) => { e.preventDefault(); saveFile(paths.page, `minutes-${meetingId}.html`); }}>{t('committee.printablePage')}</a>
      </p>
      <ErrorMessage error={exportError} />
      {keeps && !approved ? (
        <form noValidate onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
          <FormErrors error={save.error ?? circulate.error} />
          <TextAreaField label={t('committee.minutesText')} name="markdown" rows={20} maxLength={200000} value={text} errors={fieldErrorsOf(save.error)}
            onChange={(e) => setText(e.target.value)} />
          <div className="row-actions">
            <button type="submit" className="primary" disabled={save.isPending || text === base.markdown}>{t('committee.save')}</button>
            {minutes.status === 'draft' && (
              <button type="button" disabled={circulate.isPending || text !== base.markdown} onClick={() => circulate.mutate()}>{t('committee.circulate')}</button>
            )}
          </div>
          <Notice text={notice ? t(notice) : null} />
        </form>
      ) : (
        <section aria-label={t('committee.minutesTitle')} className="minutes-text"><UserParagraphs text={minutes.markdown} /></section>
      )}
      {minutes.status !== 'draft' && <Comments meetingId={meetingId} minutes={minutes} onChanged={onChanged} />}
    </>
  );
}

function Comments({ meetingId, minutes, onChanged }: { meetingId: string; minutes: MinutesView; onChanged(view: MinutesView): void }) {
  const { t, formatDate } = useI18n();
  const names = usePersonNames(minutes.comments.map((c) => c.authorPersonId));
  const [key, setKey] = useState(newId);
  const [text, setText] = useState('');
  const [quote, setQuote] = useState('');
  const comment = useMutation({
    mutationFn: () => api.commentOnMinutes(meetingId, text.trim(), quote.trim() || null, key),
    onSuccess: (view) => { setKey(newId()); setText(''); setQuote(''); onChanged(view); },
  });
  return (
    <section aria-labelledby="minutes-comments">
      <h2 id="minutes-comments">{t('committee.comments', { count: minutes.comments.length })}</h2>
      <ul className="rows">
        {minutes.comments.map((c) => (
          <li key={c.commentId} className="row-item">
            <div>
              <strong><UserText text={names.get(c.authorPersonId) ?? t('committee.unknownPerson')} /></strong>{' '}
              <span className="muted">{formatDate(c.at, true)}</span>
              {c.quote && <blockquote><UserText text={c.quote} /></blockquote>}
              <UserParagraphs text={c.text} />
            </div>
          </li>
        ))}
      </ul>
      {minutes.status === 'circulated' && (
        <form noValidate className="narrow" onSubmit={(e) => { e.preventDefault(); if (text.trim()) comment.mutate(); }}>
          <FormErrors error={comment.error} />
          <TextAreaField label={t('committee.quote')} name="quote" rows={2} maxLength={4000} value={quote} onChange={(e) => setQuote(e.target.value)} />
          <TextAreaField label={t('committee.comment')} name="text" required maxLength={4000} value={text} errors={fieldErrorsOf(comment.error)}
            onChange={(e) => setText(e.target.value)} />
          <button type="submit" disabled={comment.isPending}>{t('committee.addComment')}</button>
        </form>
      )}
    </section>
  );
}

export default Minutes;
