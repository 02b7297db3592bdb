import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/endpoints';
import { keys, queries } from '../api/queries';
import { ErrorMessage } from '../components/Status';
import { useI18n } from '../i18n';
import { newId } from '../spaces/paths';
import type { AgendaItem, BreakoutRoom } from '../generated/hub';
import { proposalKindValues, type ProposalKind, type SessionProposalRequest } from '../generated/openapi';
import { limits } from '../generated/errors';

/**
 * Turns the current item's outcome, poll result or a room's summary into a draft motion or an action item of one of
 * the forum's committees. The server quotes the source as it stands and checks that the facilitator may propose
 * there (its chair, co-chairs, secretary or coordinators); committees the facilitator cannot see are not listed.
 */
export function ProposeToCommittee({ sessionId, forumId, item, rooms }: { sessionId: string; forumId: string; item: AgendaItem; rooms: BreakoutRoom[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const committees = useQuery({ ...queries.forumCommittees(forumId), enabled: open });
  const cache = useQueryClient();
  const ids = { committee: useId(), kind: useId(), source: useId(), title: useId() };
  // One idempotency key per proposal: a retried submit cannot propose twice; a new one after success.
  const [key, setKey] = useState(newId);
  const sources = [
    ...rooms.filter((r) => r.summary).map((r) => ({ value: `room:${r.id}`, label: t('proposal.sourceSummary', { room: r.name }) })),
    ...(item.format === 'poll' ? [{ value: 'poll', label: t('proposal.sourcePoll') }] : []),
    { value: 'outcome', label: t('proposal.sourceOutcome') },
  ];
  const [form, setForm] = useState({ committee: '', kind: 'motion' as ProposalKind, source: sources[0].value, title: '' });
  const [made, setMade] = useState('');
  const propose = useMutation({
    mutationFn: (body: SessionProposalRequest) => api.proposeFromSession(sessionId, body, key),
    onSuccess: async (proposal) => {
      setKey(newId());
      setForm({ ...form, title: '' });
      setMade(t(proposal.kind === 'motion' ? 'proposal.madeMotion' : 'proposal.madeActionItem', { title: proposal.title }));
      await cache.invalidateQueries({ queryKey: keys.session(sessionId) });
    },
  });
  if (!open) {
    return <button type="button" onClick={() => setOpen(true)}>{t('proposal.open')}</button>;
  }

  const available = committees.data ?? [];
  const committee = form.committee || available[0]?.space.id || '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMade('');
    if (propose.isPending || !committee) return;
    const source = form.source.startsWith('room:')
      ? { kind: 'summary' as const, itemId: item.id, roomId: form.source.slice('room:'.length) }
      : { kind: form.source as 'poll' | 'outcome', itemId: item.id };
    propose.mutate({ committeeId: committee, kind: form.kind, source, ...(form.title.trim() ? { title: form.title.trim() } : {}) });
  };
  return (
    <form className="compose" onSubmit={submit} aria-labelledby={`${ids.committee}-heading`}>
      <h3 id={`${ids.committee}-heading`}>{t('proposal.heading', { title: item.title })}</h3>
      <ErrorMessage error={committees.error} />
      {committees.isSuccess && available.length === 0 && <p className="muted">{t('proposal.noCommittees')}</p>}
      <label htmlFor={ids.committee}>{t('proposal.committee')}</label>
      <select id={ids.committee} value={committee} onChange={(e) => setForm({ ...form, committee: e.target.value })} required>
        {available.map((c) => <option key={c.space.id} value={c.space.id}>{c.name}</option>)}
      </select>
      <label htmlFor={ids.kind}>{t('proposal.kind')}</label>
      <select id={ids.kind} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as ProposalKind })}>
        {proposalKindValues.map((k) => <option key={k} value={k}>{t(`proposal.kind.${k}`)}</option>)}
      </select>
      <label htmlFor={ids.source}>{t('proposal.source')}</label>
      <select id={ids.source} value={form.source} onChange={(e) => setForm({ ...form, source: e.target.value })}>
        {sources.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
      </select>
      <label htmlFor={ids.title}>{t('proposal.title')}</label>
      <input id={ids.title} dir="auto" maxLength={limits.liveSession.titleMaxLength} value={form.title} placeholder={item.title}
        onChange={(e) => setForm({ ...form, title: e.target.value })} />
      <ErrorMessage error={propose.error} />
      <button type="submit" disabled={propose.isPending || !committee}>{t('proposal.submit')}</button>
      <p role="status" className="muted">{made}</p>
    </form>
  );
}
