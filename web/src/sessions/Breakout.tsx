import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../components/Status';
import { UserParagraphs, UserText } from '../components/UserText';
import { useHubAction, type LiveSession } from './useLiveSession';
import { useI18n } from '../i18n';
import { Countdown } from './Agenda';
import { Contributions } from './Contributions';
import type { ItemContent } from '../generated/hub';
import { limits } from '../generated/errors';

/** Breakout rooms: your own room's contributions and timer, the rapporteur's summary, and every room's summary. */
export function BreakoutPanel({ content, me, names, participant, facilitator, call }: {
  content: ItemContent; me: string; names: Map<string, string>; participant: boolean; facilitator: boolean; call: LiveSession['call'];
}) {
  const { t } = useI18n();
  const mine = content.rooms.find((r) => r.members.includes(me));
  const name = (id: string | null) => (id ? names.get(id) ?? t('room.someone') : t('room.someone'));
  return (
    <>
      {mine && (
        <section aria-labelledby="room-breakout" className="room-panel">
          <h2 id="room-breakout">{t('room.yourRoom', { room: mine.name })}</h2>
          <p>
            <Countdown endsAt={mine.endsAt} label={t('room.roomTimer')} />{' · '}
            {t('room.rapporteur')}: <UserText text={name(mine.rapporteur)} />
          </p>
          <p className="muted">{t('room.roomMembers')}: {mine.members.map((m) => names.get(m) ?? t('room.someone')).join(', ')}</p>
          {mine.rapporteur === me && !mine.summary && <Summary roomId={mine.id} call={call} />}
        </section>
      )}
      {mine && (
        <Contributions heading={t('room.roomContributions')} canPost={participant} call={call}
          contributions={content.contributions.filter((c) => c.roomId === mine.id)} />
      )}
      <section aria-labelledby="room-rooms" className="room-panel">
        <h2 id="room-rooms">{t('room.rooms')}</h2>
        {content.rooms.length === 0 && <p className="muted">{t('room.noRooms')}</p>}
        <ul className="rooms">
          {content.rooms.map((r) => (
            <li key={r.id}>
              <h3>{r.name}</h3>
              {facilitator && (
                <p className="muted">{r.members.map((m) => names.get(m) ?? t('room.someone')).join(', ')}
                  {' · '}<ExtendRoom roomId={r.id} itemId={content.itemId} call={call} /></p>
              )}
              {r.summary ? <UserParagraphs text={r.summary} /> : <p className="muted">{t('room.noSummary')}</p>}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function ExtendRoom({ roomId, call }: { roomId: string; itemId: string; call: LiveSession['call'] }) {
  const { t } = useI18n();
  const action = useHubAction();
  return (
    <button type="button" className="link-button" disabled={action.busy} onClick={() => action.run(async () => { await call('ExtendTimer', 5, roomId); })}>
      {t('room.extendRoom')}
    </button>
  );
}

function Summary({ roomId, call }: { roomId: string; call: LiveSession['call'] }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const submit = useHubAction();
  const send = (e: FormEvent) => {
    e.preventDefault();
    void submit.run(async () => { await call('PostSummary', roomId, text.trim()); setText(''); });
  };
  return (
    <form onSubmit={send} className="compose">
      <label htmlFor={id}>{t('room.summary')}</label>
      <textarea id={id} dir="auto" rows={3} maxLength={limits.liveSession.summaryMaxLength} value={text} onChange={(e) => setText(e.target.value)} required />
      <ErrorMessage error={submit.error} />
      <button type="submit" disabled={submit.busy}>{t('room.postSummary')}</button>
    </form>
  );
}
