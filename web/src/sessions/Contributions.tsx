import { useId, useRef, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../components/Status';
import { UserParagraphs, UserText } from '../components/UserText';
import { useHubAction, type LiveSession } from './useLiveSession';
import { useI18n } from '../i18n';
import { reactions, type Contribution } from '../generated/hub';
import { limits } from '../generated/errors';

interface Props {
  contributions: Contribution[];
  canPost: boolean;
  call: LiveSession['call'];
  heading: string;
}

/** Contributions with threaded replies and reactions: the plenary's, or one breakout room's. */
export function Contributions({ contributions, canPost, call, heading }: Props) {
  const { t } = useI18n();
  const headingId = useId();
  const replies = new Map<string, Contribution[]>();
  for (const c of contributions) if (c.replyTo) replies.set(c.replyTo, [...(replies.get(c.replyTo) ?? []), c]);
  const known = new Set(contributions.map((c) => c.id));
  const roots = contributions.filter((c) => !c.replyTo || !known.has(c.replyTo));
  return (
    <section aria-labelledby={headingId} className="room-panel">
      <h2 id={headingId}>{heading}</h2>
      {canPost && <Compose call={call} label={t('room.yourContribution')} button={t('room.post')} />}
      {roots.length === 0 ? <p className="muted">{t('room.noContributions')}</p> : (
        <ul className="contributions" aria-live="polite">
          {roots.map((c) => <Thread key={c.id} contribution={c} replies={replies} canPost={canPost} call={call} />)}
        </ul>
      )}
    </section>
  );
}

function Thread({ contribution: c, replies, canPost, call }: { contribution: Contribution; replies: Map<string, Contribution[]> } & Pick<Props, 'canPost' | 'call'>) {
  const { t, formatDate } = useI18n();
  const [replying, setReplying] = useState(false);
  const react = useHubAction();
  const children = replies.get(c.id) ?? [];
  return (
    <li className="contribution">
      <p className="muted"><UserText text={c.authorName} as="strong" /> · <time dateTime={c.at}>{formatDate(c.at, true)}</time></p>
      <UserParagraphs text={c.text} />
      <div className="reactions" role="group" aria-label={t('room.reactions')}>
        {reactions.map((r) => {
          const count = c.reactions.find((x) => x.reaction === r)?.count ?? 0;
          return (
            <button key={r} type="button" className="chip" disabled={!canPost || react.busy}
              aria-label={t('room.reactWith', { reaction: t(`reaction.${r}`), count })}
              onClick={() => react.run(async () => { await call('React', c.id, r); })}>
              <span aria-hidden="true">{reactionSymbol[r]} {count > 0 ? count : ''}</span>
            </button>
          );
        })}
        {canPost && (
          <button type="button" className="link-button" aria-expanded={replying} onClick={() => setReplying(!replying)}>
            {t('room.reply')}
          </button>
        )}
      </div>
      <ErrorMessage error={react.error} />
      {replying && <Compose call={call} replyTo={c.id} label={t('room.yourReply')} button={t('room.postReply')} onDone={() => setReplying(false)} />}
      {children.length > 0 && (
        <ul className="replies" aria-label={t('room.replies', { count: children.length })}>
          {children.map((r) => <Thread key={r.id} contribution={r} replies={replies} canPost={canPost} call={call} />)}
        </ul>
      )}
    </li>
  );
}

const reactionSymbol: Record<(typeof reactions)[number], string> = {
  agree: '👍', applause: '👏', heart: '❤', question: '❓', thanks: '🙏',
};

function Compose({ call, replyTo, label, button, onDone }: { call: LiveSession['call']; replyTo?: string; label: string; button: string; onDone?: () => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const submit = useHubAction();
  // The server posts a contribution once per id, so sending the same text again after a failure (which may have
  // reached the server) reuses the id; a posted contribution or an edited text gets a new one.
  const attempt = useRef<{ id: string; text: string } | null>(null);
  const send = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    if (attempt.current?.text !== trimmed) attempt.current = { id: crypto.randomUUID(), text: trimmed };
    const { id: contributionId } = attempt.current;
    void submit.run(async () => {
      await call('Contribute', { id: contributionId, text: trimmed, replyTo: replyTo ?? null });
      attempt.current = null;
      setText('');
      onDone?.();
    });
  };
  return (
    <form onSubmit={send} className="compose">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} dir="auto" rows={2} maxLength={limits.liveSession.contributionMaxLength} value={text} onChange={(e) => setText(e.target.value)} required />
      <ErrorMessage error={submit.error} />
      <button type="submit" disabled={submit.busy}>{button}</button>
    </form>
  );
}
