import { Link } from 'react-router';
import type { MeetingAgendaItem } from '../generated/hub';
import { useI18n } from '../i18n';
import { usePersonNames } from '../spaces/usePersonNames';
import { UserText } from '../components/UserText';
import { isWebLink } from './MeetingHeader';

export function MeetingAgenda({ agenda }: { agenda: MeetingAgendaItem[] }) {
  const { t } = useI18n();
  const names = usePersonNames(agenda.map((i) => i.presenter));
  return (
    <section aria-labelledby="meeting-agenda" className="room-panel">
      <h2 id="meeting-agenda">{t('meeting.agenda')}</h2>
      {agenda.length === 0 ? <p className="muted">{t('meeting.noAgenda')}</p> : (
        <ol className="agenda">
          {agenda.map((item) => (
            <li key={item.id}>
              <UserText text={item.title} />
              {item.presenter && <div className="muted">{t('meeting.presenter', { name: names.get(item.presenter) ?? t('meeting.someone') })}</div>}
              {item.papers.length > 0 && (
                <ul aria-label={t('meeting.papers')}>
                  {item.papers.map((paper, i) => (
                    <li key={i}>
                      {paper.documentId
                        ? <Link to={`/documents/${paper.documentId}`} dir="auto">{paper.title}</Link>
                        : paper.url && isWebLink(paper.url)
                          ? <a href={paper.url} rel="noopener noreferrer" target="_blank" dir="auto">{paper.title}</a>
                          : <UserText text={paper.title} />}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
