import { useEffect, useEffectEvent, useState } from 'react';
import { api } from '../api/endpoints';
import type { AuditEntry, SpaceKind } from '../api/types';
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
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [after, setAfter] = useState<number | null>(null);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const names = usePersonNames(entries.map((e) => e.actorPersonId));

  const load = async (from: number | null) => {
    setLoading(true);
    setError(null);
    try {
      const page = await api.audit(kind, id, from);
      setEntries((current) => (from === null ? page.entries : [...current, ...page.entries]));
      setAfter(page.nextAfter);
      setMore(page.nextAfter !== null);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  };

  const loadFirstPage = useEffectEvent(() => { void load(null); });
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the loading state must show as soon as the key changes; the query cache that replaces these loaders (issue 13) removes this.
  useEffect(() => { loadFirstPage(); }, [kind, id]);

  const actor = (e: AuditEntry) =>
    e.actorPersonId ? <UserText text={names.get(e.actorPersonId) ?? e.actorPersonId.slice(0, 8)} />
      : e.actorOrganisationId ? t('audit.apiKey') : t('audit.system');

  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('audit.title')}</h2>
      <ErrorMessage error={error} />
      {!loading && entries.length === 0 && !error && <p className="muted">{t('audit.none')}</p>}
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
      {more && !loading && <button type="button" onClick={() => load(after)}>{t('audit.more')}</button>}
    </section>
  );
}
