import { ErrorMessage } from '../components/Status';
import { UserText } from '../components/UserText';
import { useHubAction, type LiveSession } from './useLiveSession';
import { useI18n } from '../i18n';
import { Countdown } from './Agenda';
import type { SpeakingQueueView } from '../generated/hub';

interface Props {
  queue: SpeakingQueueView | null;
  me: string;
  names: Map<string, string>;
  participant: boolean;
  facilitator: boolean;
  call: LiveSession['call'];
}

/** The speaking queue, visible to all: raise or lower your hand; facilitators give the floor, reorder and skip. */
export function SpeakingQueue({ queue, me, names, participant, facilitator, call }: Props) {
  const { t } = useI18n();
  const action = useHubAction();
  const waiting = queue?.waiting ?? [];
  const raised = waiting.includes(me);
  const name = (id: string) => names.get(id) ?? t('room.someone');
  const run = (f: () => Promise<unknown>) => action.run(async () => { await f(); });
  const move = (index: number, by: number) => {
    const order = [...waiting];
    const [who] = order.splice(index, 1);
    order.splice(index + by, 0, who);
    return run(() => call('ReorderQueue', order));
  };
  return (
    <section aria-labelledby="room-queue" className="room-panel">
      <h2 id="room-queue">{t('room.queue')}</h2>
      <p aria-live="polite">
        {queue?.speaker
          ? <>{t('room.speaking')} <UserText text={name(queue.speaker)} as="strong" /> <Countdown endsAt={queue.speakerEndsAt} label={t('room.speakerTimer')} /></>
          : t('room.nobodySpeaking')}
      </p>
      {participant && (
        <button type="button" disabled={action.busy} onClick={() => run(() => call(raised ? 'LowerHand' : 'RaiseHand'))}>
          {raised ? t('room.lowerHand') : t('room.raiseHand')}
        </button>
      )}
      <ErrorMessage error={action.error} />
      <h3>{t('room.waiting', { count: waiting.length })}</h3>
      {waiting.length === 0 ? <p className="muted">{t('room.queueEmpty')}</p> : (
        <ol className="queue" aria-label={t('room.queue')}>
          {waiting.map((id, index) => (
            <li key={id}>
              <UserText text={name(id)} />{id === me && <span className="muted"> ({t('room.you')})</span>}
              {facilitator && (
                <span className="row-actions">
                  <button type="button" className="link-button" disabled={action.busy} onClick={() => run(() => call('GiveFloor', id))}>
                    {t('room.giveFloor')}
                  </button>
                  {index > 0 && (
                    <button type="button" className="link-button" disabled={action.busy} aria-label={t('room.moveUp', { name: name(id) })} onClick={() => move(index, -1)}>↑</button>
                  )}
                  <button type="button" className="link-button" disabled={action.busy} onClick={() => run(() => call('SkipSpeaker', id))}>
                    {t('room.skip')}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {facilitator && (
        <p className="row-actions">
          <button type="button" disabled={action.busy || waiting.length === 0} onClick={() => run(() => call('GiveFloor', null))}>{t('room.nextSpeaker')}</button>
          {queue?.speaker && (
            <button type="button" disabled={action.busy} onClick={() => run(() => call('SkipSpeaker', queue.speaker!))}>{t('room.endTurn')}</button>
          )}
        </p>
      )}
    </section>
  );
}
