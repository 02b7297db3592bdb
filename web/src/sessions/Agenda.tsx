import { useEffect, useState } from 'react';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import type { LiveSessionDetails } from '../generated/hub';

/** The current time, ticking once a second while mounted. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  return `${minutes}:${String(total % 60).padStart(2, '0')}`;
}

/** Time left until `endsAt`; a timer role, so screen readers can read it on demand without it chattering. */
export function Countdown({ endsAt, label }: { endsAt: string | null; label: string }) {
  const { t } = useI18n();
  const now = useNow();
  if (!endsAt) return null;
  const left = Date.parse(endsAt) - now;
  return (
    <span role="timer" aria-label={label} className={left <= 0 ? 'timer over' : 'timer'}>
      {left > 0 ? t('room.timeLeft', { time: formatRemaining(left) }) : t('room.timeUp')}
    </span>
  );
}

export function Agenda({ details }: { details: LiveSessionDetails }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="room-agenda" className="room-panel">
      <h2 id="room-agenda">{t('room.agenda')}</h2>
      <ol className="agenda">
        {details.agenda.map((item, index) => {
          const current = index === details.currentItem && details.status !== 'closed';
          return (
            <li key={item.id} aria-current={current ? 'step' : undefined} className={current ? 'current' : index < details.currentItem ? 'done' : undefined}>
              <UserText text={item.title} className="agenda-title" />
              <span className="muted"> · {t(`format.${item.format}`)} · {t('room.minutes', { minutes: item.plannedMinutes })}</span>
              {current && (
                <>
                  {' '}<span className="badge">{t('room.now')}</span>{' '}
                  {details.status === 'paused'
                    ? <span className="timer">{t('status.paused')}</span>
                    : <Countdown endsAt={details.itemEndsAt} label={t('room.itemTimer')} />}
                </>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
