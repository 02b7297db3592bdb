// A feedback round as its invitees and the drafting team see it: what is asked and by when, the sections asked
// (with their text, so groups outside the document's space can read them) and the round's comments beside each.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../api/endpoints';
import { keys, queries } from '../api/queries';
import { FormErrors } from '../components/Field';
import { Page } from '../components/Page';
import { ErrorMessage, Loading } from '../components/Status';
import { UserMarkdown } from '../components/UserMarkdown';
import { UserParagraphs, UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { spacePath } from '../spaces/paths';
import { CommentThreads } from './CommentThreads';
import { roundPath } from './MyFeedbackRounds';

export function FeedbackRound() {
  const { id = '' } = useParams();
  const { t, formatDate } = useI18n();
  const cache = useQueryClient();
  const round = useQuery(queries.feedbackRound(id));
  const close = useMutation({
    mutationFn: () => api.closeFeedbackRound(id),
    onSuccess: (details) => {
      cache.setQueryData(queries.feedbackRound(id).queryKey, details);
      return cache.invalidateQueries({ queryKey: keys.me });
    },
  });
  if (round.isPending) return <Loading />;
  if (round.error) return <ErrorMessage error={round.error} />;
  const r = round.data;
  const open = r.status === 'open';
  return (
    <Page title={r.title} actions={<Link to={`${roundPath(id)}/report`}>{t('document.report')}</Link>}>
      <p className="muted">
        {t('document.roundOn', { title: r.documentTitle, version: r.version })}
        {' · '}{t(`document.roundStatus.${r.status}`)}
        {' · '}{t('document.deadline', { date: formatDate(r.deadline, true) })}
      </p>
      {r.instructions && <UserParagraphs text={r.instructions} />}
      <h2>{t('document.groups')}</h2>
      <ul>
        {r.groups.map((g) => (
          <li key={g.space.id}>
            {g.name ? <Link to={spacePath(g.space)}><UserText text={g.name} /></Link> : t(`kind.${g.space.kind}`)}
            {' · '}{g.sectionIds.length === 0 ? t('document.allSections') : t('document.sectionCount', { count: g.sectionIds.length })}
          </li>
        ))}
      </ul>
      {r.canManage && open && (
        <>
          <FormErrors error={close.error} />
          <button type="button" disabled={close.isPending} onClick={() => close.mutate()}>{t('document.closeRound')}</button>
        </>
      )}
      {r.sections.length > 0 && (
        <nav aria-label={t('document.contents')}>
          <h2>{t('document.contents')}</h2>
          <ol>{r.sections.map((s, i) => <li key={s.sectionId}><a href={`#section-${i}`}><UserText text={s.heading || t('document.untitledSection')} /></a></li>)}</ol>
        </nav>
      )}
      {r.sections.map((s, i) => (
        <section key={s.sectionId} aria-labelledby={`section-${i}`} className="document-section">
          <h2 id={`section-${i}`} dir="auto">{s.heading || t('document.untitledSection')}</h2>
          <UserMarkdown text={s.text} />
          <CommentThreads documentId={r.documentId} version={r.version} sectionId={s.sectionId} heading={s.heading || t('document.untitledSection')} roundId={r.roundId}
            canComment={open} canManage={r.canManage} />
        </section>
      ))}
    </Page>
  );
}

export default FeedbackRound;
