import { useInfiniteQuery } from '@tanstack/react-query';
import { queries } from '../api/queries';
import type { AuditEntry, SpaceKind } from '../generated/openapi';
import { ErrorMessage, Loading } from '../components/Status';
import { UserText } from '../components/UserText';
import { hasKey, useI18n } from '../i18n';
import { usePersonNames } from './usePersonNames';

/** The space's audit log, oldest first, a page at a time. Entries hold ids; names are looked up for display. */
export function Audit({ kind, id }: { kind: SpaceKind; id: string }) {
  const { t, formatDate } = useI18n();
  // Actions are stable codes ("member.joined"); known ones read as words, new ones show as the code.
  const action = (code: string) => {
    const key = `auditAction.${code}`;
    return hasKey(key) ? t(key) : code;
  };
  const log = useInfiniteQuery(queries.audit(kind, id));
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  const names = usePersonNames(entries.map((e) => e.actorPersonId));
  const loading = log.isPending || log.isFetchingNextPage;

  const actor = (e: AuditEntry) =>
    e.actorPersonId ? <UserText text={names.get(e.actorPersonId) ?? e.actorPersonId.slice(0, 8)} />
      : e.actorOrganisationId ? t('audit.apiKey') : t('audit.system');

  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('audit.title')}</h2>
      <ErrorMessage error={log.error} />
      {!loading && entries.length === 0 && !log.error && <p className="muted">{t('audit.none')}</p>}
      <ol className="rows audit">
        {entries.map((e) => (
          <li key={e.sequence} className="row-item">
            <div>
              <strong>{action(e.action)}</strong> <code className="muted">{e.action}</code>{e.detail && <> · <UserText text={e.detail} /></>}
              <div className="muted"><time dateTime={e.at}>{formatDate(e.at, true)}</time> · {actor(e)}</div>
            </div>
          </li>
        ))}
      </ol>
      {loading && <Loading />}
      {log.hasNextPage && !loading && <button type="button" onClick={() => void log.fetchNextPage()}>{t('audit.more')}</button>}
    </section>
  );
}
