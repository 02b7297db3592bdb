import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage, Notice } from '../components/Status';
import { useHubAction, type LiveSession } from './useLiveSession';
import { useI18n } from '../i18n';
import { BarChart, percent } from './Charts';
import type { AgendaItem, PollResult } from '../generated/hub';

/** The live tally as a bar chart with counts and shares. */
export function PollChart({ result, title }: { result: PollResult; title: string }) {
  const { t } = useI18n();
  const total = result.counts.reduce((a, b) => a + b, 0);
  return (
    <>
      <BarChart label={title} max={Math.max(1, ...result.counts)} bars={result.options.map((option, i) => ({
        key: String(i), label: option, value: result.counts[i] ?? 0,
        text: t('room.votes', { count: result.counts[i] ?? 0, percent: percent(result.counts[i] ?? 0, total) }),
      }))} />
      <p className="muted" aria-live="polite">{t('room.voters', { count: result.voters })}{result.closed ? ` · ${t('room.pollClosed')}` : ''}</p>
    </>
  );
}

export function PollPanel({ item, result, participant, call }: { item: AgendaItem; result: PollResult | null; participant: boolean; call: LiveSession['call'] }) {
  const { t } = useI18n();
  const legend = useId();
  const [choices, setChoices] = useState<number[]>([]);
  const [voted, setVoted] = useState(false);
  const submit = useHubAction();
  const options = item.poll?.options ?? result?.options ?? [];
  const multiple = item.poll?.multipleChoice ?? false;
  const tally = result ?? { options, counts: options.map(() => 0), voters: 0, closed: false };
  const vote = (e: FormEvent) => {
    e.preventDefault();
    void submit.run(async () => {
      await call('Vote', item.id, choices);
      setVoted(true);
    });
  };
  return (
    <section aria-labelledby="room-poll" className="room-panel">
      <h2 id="room-poll">{t('room.poll')}</h2>
      {participant && !tally.closed && (
        <form onSubmit={vote}>
          <fieldset>
            <legend id={legend}>{multiple ? t('room.chooseMany') : t('room.chooseOne')}</legend>
            {options.map((option, i) => (
              <label key={i} className="choice">
                <input type={multiple ? 'checkbox' : 'radio'} name={`poll-${item.id}`} checked={choices.includes(i)}
                  onChange={(e) => setChoices(multiple
                    ? (e.target.checked ? [...choices, i] : choices.filter((c) => c !== i))
                    : [i])} />
                <span dir="auto">{option}</span>
              </label>
            ))}
          </fieldset>
          <ErrorMessage error={submit.error} />
          <button type="submit" disabled={submit.busy || choices.length === 0}>{voted ? t('room.changeVote') : t('room.vote')}</button>
          <Notice text={voted ? t('room.voteCounted') : null} />
        </form>
      )}
      <h3>{t('room.results')}</h3>
      <PollChart result={tally} title={t('room.results')} />
    </section>
  );
}
