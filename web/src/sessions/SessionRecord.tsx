import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { download } from '../api/download';
import { queries } from '../api/queries';
import { ErrorMessage } from '../components/Status';
import { UserParagraphs, UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { PollChart } from './Poll';
import { StatementResultsView } from './Statements';

const recordPath = (id: string) => `/api/v1/live-sessions/${encodeURIComponent(id)}/record`;

export function SessionRecord({ sessionId }: { sessionId: string }) {
  const { t, formatDate } = useI18n();
  // A closed session's record no longer changes.
  const record = useQuery(queries.sessionRecord(sessionId));
  const [error, setError] = useState<unknown>(null);
  const save = (suffix: string, name: string) => download(`${recordPath(sessionId)}${suffix}`, name).catch(setError);
  const r = record.data;
  return (
    <section aria-labelledby="room-record" className="room-panel">
      <h2 id="room-record">{t('room.record')}</h2>
      <p className="row-actions">
        <a href={`${recordPath(sessionId)}?download`} onClick={(e) => { e.preventDefault(); void save('?download', `session-${sessionId}.json`); }}>{t('room.exportJson')}</a>
        <a href={`${recordPath(sessionId)}.md`} onClick={(e) => { e.preventDefault(); void save('.md', `session-${sessionId}.md`); }}>{t('room.exportMarkdown')}</a>
      </p>
      <ErrorMessage error={error ?? record.error} />
      {r && (
        <>
          <ol className="record-items">
            {r.details.agenda.map((item) => {
              const content = r.items.find((i) => i.itemId === item.id);
              return (
                <li key={item.id}>
                  <h3><UserText text={item.title} /></h3>
                  {content?.outcome && <><p className="muted">{t('room.outcome')}</p><UserParagraphs text={content.outcome} /></>}
                  {content?.poll && <PollChart result={content.poll} title={item.title} />}
                  {content?.statementResults && <StatementResultsView statements={content.statements} results={content.statementResults} />}
                  {content && content.contributions.length > 0 && <p className="muted">{t('room.contributionCount', { count: content.contributions.length })}</p>}
                  {content?.rooms.filter((room) => room.summary).map((room) => (
                    <div key={room.id}><p className="muted">{room.name}</p><UserParagraphs text={room.summary!} /></div>
                  ))}
                </li>
              );
            })}
          </ol>
          <h3>{t('room.attendance', { count: r.attendance.length })}</h3>
          <ul className="people">
            {r.attendance.map((a) => <li key={a.personId}><UserText text={a.name} /> <span className="muted">· {formatDate(a.firstJoinedAt, true)}</span></li>)}
          </ul>
        </>
      )}
    </section>
  );
}
