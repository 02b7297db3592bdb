import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { queries } from '../api/queries';
import type { AuditEntry } from '../generated/openapi';
import { ErrorMessage, Loading } from '../components/Status';
import { UserText } from '../components/UserText';
import { hasKey, useI18n } from '../i18n';
import { usePersonNames } from '../spaces/usePersonNames';

/**
 * Facilitators only: who scheduled, started, moderated the session, and when, oldest first. Hidden until asked for;
 * once shown it reloads when `changes` changes (a status, an appointment, a mute or a removal), not on every event.
 */
export function SessionAudit({ sessionId, names, changes }: { sessionId: string; names: ReadonlyMap<string, string>; changes: string }) {
  const { t, formatDate } = useI18n();
  const [shown, setShown] = useState(false);
  const audit = useInfiniteQuery({ ...queries.sessionAudit(sessionId, changes), enabled: shown });
  const entries = audit.data?.pages.flatMap((page) => page.entries) ?? [];
  const loading = shown && (audit.isPending || audit.isFetchingNextPage);
  const error = audit.error;
  // People who left the room are no longer in presence; look them up like the space audit log does.
  const missing = entries.flatMap((e) => [e.actorPersonId, e.subjectId]).filter((id) => id && !names.has(id));
  const looked = usePersonNames(missing);
  const name = (id: string) => names.get(id) ?? looked.get(id) ?? id.slice(0, 8);

  const action = (e: AuditEntry) => {
    const key = `auditAction.${e.action}`;
    return hasKey(key) ? t(key) : e.action;
  };
  // A status change's detail is the new status ("Running"); show it in the reader's language.
  const detail = (e: AuditEntry) => {
    const status = `status.${e.detail?.toLowerCase()}`;
    return e.detail && hasKey(status) ? t(status) : e.detail;
  };

  return (
    <section aria-labelledby="room-audit" className="room-panel">
      <h2 id="room-audit">{t('room.audit')}</h2>
      <button type="button" aria-expanded={shown} aria-controls="room-audit-entries" onClick={() => setShown(!shown)}>
        {shown ? t('room.hideAudit') : t('room.showAudit')}
      </button>
      {shown && (
        <div id="room-audit-entries">
          <ErrorMessage error={error} />
          {!loading && entries.length === 0 && !error && <p className="muted">{t('audit.none')}</p>}
          <ol className="rows audit" aria-label={t('room.audit')}>
            {entries.map((e) => (
              <li key={e.sequence} className="row-item">
                <div>
                  <strong>{action(e)}</strong>
                  {e.subjectId && <>: <UserText text={name(e.subjectId)} /></>}
                  {detail(e) && <> · <UserText text={detail(e)!} /></>}
                  <div className="muted">
                    <time dateTime={e.at}>{formatDate(e.at, true)}</time>
                    {' · '}{e.actorPersonId ? <UserText text={name(e.actorPersonId)} /> : e.actorOrganisationId ? t('audit.apiKey') : t('audit.system')}
                  </div>
                </div>
              </li>
            ))}
          </ol>
          {loading && <Loading />}
          {audit.hasNextPage && !loading && <button type="button" onClick={() => void audit.fetchNextPage()}>{t('audit.more')}</button>}
        </div>
      )}
    </section>
  );
}
