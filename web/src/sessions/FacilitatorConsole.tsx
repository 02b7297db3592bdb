import { useId, useState } from 'react';
import { ErrorMessage } from '../components/Status';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import type { LiveSessionDetails } from './types';
import type { LiveSession } from './useLiveSession';

/** Facilitators only: move the session through its statuses and its agenda, extend the timer, record outcomes. */
export function FacilitatorConsole({ details, call }: { details: LiveSessionDetails; call: LiveSession['call'] }) {
  const { t } = useI18n();
  const action = useSubmit();
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
          <textarea id={outcomeId} dir="auto" rows={2} value={outcome} onChange={(e) => setOutcome(e.target.value)} required />
          <button type="submit" disabled={action.busy}>{t('room.recordOutcome')}</button>
        </form>
      )}
      <ErrorMessage error={action.error} />
    </section>
  );
}
