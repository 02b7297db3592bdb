import { useState } from 'react';
import { api } from '../api/endpoints';
import type { SpaceDetails, SpaceKind } from '../api/types';
import { FormErrors, TextAreaField } from '../components/Field';
import { Notice } from '../components/Status';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { limits } from '../generated/errors';

/** The signed-in person's own relation to the space: leave it, or ask to join it. */
export function Membership({ kind, space, onChanged }: { kind: SpaceKind; space: SpaceDetails; onChanged(): void }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [message, setMessage] = useState('');
  const [done, setDone] = useState<string | null>(null);

  if (space.yourRole) {
    return (
      <div className="actions">
        <FormErrors error={submit.error} />
        <button type="button" disabled={submit.busy} onClick={() => {
          if (!window.confirm(t('space.leaveConfirm', { name: space.name }))) return;
          void submit.run(async () => {
            await api.leave(kind, space.id);
            onChanged();
          });
        }}>{t('space.leave')}</button>
      </div>
    );
  }

  return (
    <section aria-labelledby="join-heading">
      <h2 id="join-heading">{t('space.requestToJoin')}</h2>
      <Notice text={done} />
      {!done && (
        <form noValidate className="narrow" onSubmit={(e) => {
          e.preventDefault();
          void submit.run(async () => {
            await api.requestToJoin(kind, space.id, message.trim() || null);
            setDone(t('space.requestSent'));
          });
        }}>
          <FormErrors error={submit.error} />
          <TextAreaField label={t('space.joinMessage')} name="message" rows={2} maxLength={limits.messageMaxLength} value={message}
            onChange={(e) => setMessage(e.target.value)} errors={submit.fieldErrors} />
          <button type="submit" disabled={submit.busy}>{t('space.requestToJoin')}</button>
        </form>
      )}
    </section>
  );
}
