import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/endpoints';
import { keys } from '../api/queries';
import { ErrorMessage } from '../components/Status';
import { useHubAction, type LiveSession } from './useLiveSession';
import { useI18n } from '../i18n';
import type { AgendaItem, BreakoutMode, BreakoutRoom, LiveSessionDetails } from '../generated/hub';
import { ProposeToCommittee } from './ProposeToCommittee';
import { breakoutModeValues, type AgendaItemRequest } from '../generated/openapi';
import { limits } from '../generated/errors';

/**
 * Facilitators only: move the session through its statuses and its agenda, extend the timer, record outcomes, and
 * change how the next breakout splits people before it opens, and propose what the current item produced to a committee.
 * `rooms`: the current item's breakout rooms, whose summaries can be proposed.
 */
export function FacilitatorConsole({ details, call, rooms = [] }: { details: LiveSessionDetails; call: LiveSession['call']; rooms?: BreakoutRoom[] }) {
  const { t } = useI18n();
  const action = useHubAction();
  const outcomeId = useId();
  const [outcome, setOutcome] = useState('');
  const run = (f: () => Promise<unknown>) => action.run(async () => { await f(); });
  const { status, currentItem, agenda } = details;
  const live = status === 'running' || status === 'paused';
  const item = agenda[currentItem];
  return (
    <section aria-labelledby="room-console" className="room-panel console">
      <h2 id="room-console">{t('room.console')}</h2>
      <div className="row-actions">
        {status === 'scheduled' && <button type="button" onClick={() => run(() => call('OpenLobby'))} disabled={action.busy}>{t('room.openLobby')}</button>}
        {status === 'lobby' && <button type="button" onClick={() => run(() => call('Start'))} disabled={action.busy}>{t('room.start')}</button>}
        {live && (
          <>
            <button type="button" onClick={() => run(() => call('GoBack'))} disabled={action.busy || currentItem <= 0}>{t('room.back')}</button>
            <button type="button" onClick={() => run(() => call('Advance'))} disabled={action.busy || currentItem >= agenda.length - 1}>{t('room.advance')}</button>
            <button type="button" onClick={() => run(() => call('ExtendTimer', 5, null))} disabled={action.busy}>{t('room.extend')}</button>
            {status === 'running'
              ? <button type="button" onClick={() => run(() => call('Pause'))} disabled={action.busy}>{t('room.pause')}</button>
              : <button type="button" onClick={() => run(() => call('Resume'))} disabled={action.busy}>{t('room.resume')}</button>}
          </>
        )}
        {status !== 'closed' && status !== 'scheduled' && (
          <button type="button" className="danger" disabled={action.busy}
            onClick={() => { if (window.confirm(t('room.closeConfirm'))) void run(() => call('Close')); }}>{t('room.close')}</button>
        )}
      </div>
      {item?.format === 'breakout' && <p className="muted">{t('room.breakoutPlan', { rooms: item.breakout?.rooms ?? 0, mode: t(`breakoutMode.${item.breakout?.mode ?? 'random'}`) })}</p>}
      {live && item && (
        <form className="compose" onSubmit={(e) => { e.preventDefault(); void run(async () => { await call('RecordOutcome', item.id, outcome.trim()); setOutcome(''); }); }}>
          <label htmlFor={outcomeId}>{t('room.outcome')}</label>
          <textarea id={outcomeId} dir="auto" rows={2} maxLength={limits.liveSession.summaryMaxLength} value={outcome} onChange={(e) => setOutcome(e.target.value)} required />
          <button type="submit" disabled={action.busy}>{t('room.recordOutcome')}</button>
        </form>
      )}
      <ErrorMessage error={action.error} />
      {live && item && <ProposeToCommittee key={item.id} sessionId={details.id} forumId={details.forumId} item={item} rooms={rooms} />}
      {status !== 'closed' && <NextBreakout details={details} />}
    </section>
  );
}

const modes = breakoutModeValues;
/** contracts LiveSessionLimits.MaxRooms */
const maxRooms = limits.liveSession.maxRooms;

const asRequest = (item: AgendaItem): AgendaItemRequest & { id: string } => ({
  id: item.id, title: item.title, format: item.format, plannedMinutes: item.plannedMinutes,
  ...(item.poll ? { poll: item.poll } : {}),
  ...(item.breakout ? { breakout: item.breakout } : {}),
  ...(item.speakerSeconds ? { speakerSeconds: item.speakerSeconds } : {}),
});

/**
 * Rooms are made when a breakout opens, so its settings can change until then. The REST API replaces the items
 * after the current one (PUT …/agenda); they are sent back unchanged, with their ids, but for this one's settings.
 * Should the session have moved on meanwhile, the list would repeat the now-current item and the grain refuses it.
 */
function NextBreakout({ details }: { details: LiveSessionDetails }) {
  const upcoming = details.agenda.slice(details.currentItem + 1);
  const next = upcoming.find((i) => i.format === 'breakout');
  return next ? <BreakoutForm key={next.id} sessionId={details.id} upcoming={upcoming} next={next} /> : null;
}

function BreakoutForm({ sessionId, upcoming, next }: { sessionId: string; upcoming: AgendaItem[]; next: AgendaItem }) {
  const { t } = useI18n();
  const cache = useQueryClient();
  const roomsId = useId();
  const modeId = useId();
  const [rooms, setRooms] = useState(String(next.breakout?.rooms ?? 2));
  const [mode, setMode] = useState<BreakoutMode>(next.breakout?.mode ?? 'random');
  const [saved, setSaved] = useState('');
  // The room sees the new agenda as the hub's agenda-changed event; the REST reads of the session are refreshed.
  const save = useMutation({
    mutationFn: (breakout: { rooms: number; mode: BreakoutMode }) => api.setAgenda(sessionId, {
      items: upcoming.map((i) => (i.id === next.id ? { ...asRequest(i), breakout } : asRequest(i))),
    }),
    onSuccess: async (_, breakout) => {
      setSaved(t('room.breakoutSaved', { rooms: breakout.rooms, mode: t(`breakoutMode.${breakout.mode}`) }));
      await cache.invalidateQueries({ queryKey: keys.session(sessionId) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved('');
    const breakout = { rooms: Math.min(maxRooms, Math.max(1, Math.round(Number(rooms)) || 1)), mode };
    if (save.isPending) return;
    save.mutate(breakout);
  };
  return (
    <form className="compose" onSubmit={submit} aria-labelledby={`${roomsId}-heading`}>
      <h3 id={`${roomsId}-heading`}>{t('room.nextBreakout', { title: next.title })}</h3>
      <label htmlFor={roomsId}>{t('room.breakoutRooms')}</label>
      <input id={roomsId} type="number" min={1} max={maxRooms} required value={rooms}
        onChange={(e) => { setRooms(e.target.value); setSaved(''); }} />
      <label htmlFor={modeId}>{t('room.breakoutMode')}</label>
      <select id={modeId} value={mode} onChange={(e) => { setMode(e.target.value as BreakoutMode); setSaved(''); }}>
        {modes.map((m) => <option key={m} value={m}>{t(`breakoutMode.${m}`)}</option>)}
      </select>
      <ErrorMessage error={save.error} />
      <button type="submit" disabled={save.isPending}>{t('room.saveBreakout')}</button>
      <p role="status" className="muted">{saved}</p>
    </form>
  );
}
