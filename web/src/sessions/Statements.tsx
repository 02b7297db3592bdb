import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../components/Status';
import { UserText } from '../components/UserText';
import { useHubAction, type LiveSession } from './useLiveSession';
import { useI18n } from '../i18n';
import { BarChart, percent } from './Charts';
import type { StatementResults, StatementTally, StatementVote } from '../generated/hub';
import { statementVoteValues } from '../generated/openapi';
import { limits } from '../generated/errors';

const votes = statementVoteValues;

export function StatementsPanel({ itemId, statements, results, participant, call }: {
  itemId: string; statements: StatementTally[]; results: StatementResults | null; participant: boolean; call: LiveSession['call'];
}) {
  const { t } = useI18n();
  const fieldId = useId();
  const [text, setText] = useState('');
  const [mine, setMine] = useState<Record<string, StatementVote>>({});
  const submit = useHubAction();
  const vote = useHubAction();
  const open = !results;
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    void submit.run(async () => { await call('SubmitStatement', itemId, text.trim()); setText(''); });
  };
  return (
    <section aria-labelledby="room-statements" className="room-panel">
      <h2 id="room-statements">{t('room.statements')}</h2>
      {participant && open && (
        <form onSubmit={send} className="compose">
          <label htmlFor={fieldId}>{t('room.yourStatement')}</label>
          <input id={fieldId} dir="auto" maxLength={limits.liveSession.statementMaxLength} value={text} onChange={(e) => setText(e.target.value)} required />
          <ErrorMessage error={submit.error} />
          <button type="submit" disabled={submit.busy}>{t('room.submitStatement')}</button>
        </form>
      )}
      <ErrorMessage error={vote.error} />
      <ul className="statements">
        {statements.map((s) => {
          const total = s.agree + s.disagree + s.pass;
          return (
            <li key={s.statementId}>
              <UserText text={s.text} as="p" />
              {participant && open && (
                <div role="group" aria-label={t('room.yourView')} className="row-actions">
                  {votes.map((v) => (
                    <button key={v} type="button" aria-pressed={mine[s.statementId] === v} disabled={vote.busy}
                      onClick={() => vote.run(async () => { await call('VoteOnStatement', s.statementId, v); setMine({ ...mine, [s.statementId]: v }); })}>
                      {t(`vote.${v}`)}
                    </button>
                  ))}
                </div>
              )}
              <p className="muted">
                {t('room.tally', { agree: s.agree, disagree: s.disagree, pass: s.pass, agreePercent: percent(s.agree, total) })}
              </p>
            </li>
          );
        })}
      </ul>
      {results && <StatementResultsView statements={statements} results={results} />}
    </section>
  );
}

/** After closing: the statements with broad agreement, and each opinion group's agreement per statement. */
export function StatementResultsView({ statements, results }: { statements: StatementTally[]; results: StatementResults }) {
  const { t } = useI18n();
  const text = new Map(statements.map((s) => [s.statementId, s.text]));
  return (
    <div className="statement-results">
      <h3>{t('room.consensus')}</h3>
      {results.broadAgreement.length === 0 ? <p className="muted">{t('room.noConsensus')}</p> : (
        <ul>{results.broadAgreement.map((id) => <li key={id}><UserText text={text.get(id) ?? id} /></li>)}</ul>
      )}
      <h3>{t('room.groups', { count: results.groups.length })}</h3>
      {results.groups.map((g) => (
        <div key={g.index} className="group">
          <h4>{t('room.group', { number: g.index + 1, size: g.size })}</h4>
          <BarChart label={t('room.group', { number: g.index + 1, size: g.size })} max={1} bars={g.stances.map((s) => ({
            key: s.statementId, label: text.get(s.statementId) ?? s.statementId, value: s.agreeShare, tone: 'agree',
            text: t('room.stance', { agree: Math.round(s.agreeShare * 100), disagree: Math.round(s.disagreeShare * 100) }),
          }))} />
        </div>
      ))}
    </div>
  );
}
