import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type SpaceDetails } from '../api/endpoints';
import { keys, queries } from '../api/queries';
import type { SpaceKind } from '../generated/openapi';
import { fieldErrorsOf, FormErrors, TextAreaField } from '../components/Field';
import { Notice } from '../components/Status';
import { useI18n } from '../i18n';
import { limits } from '../generated/errors';

/** The signed-in person's own relation to the space: leave it, or ask to join it. */
export function Membership({ kind, space }: { kind: SpaceKind; space: SpaceDetails }) {
  const { t } = useI18n();
  const cache = useQueryClient();
  const [message, setMessage] = useState('');
  const leave = useMutation({
    mutationFn: () => api.leave(kind, space.id),
    // The space now answers as to someone outside, and it is no longer among the person's spaces.
    onSuccess: () => Promise.all([
      cache.invalidateQueries({ queryKey: keys.space(kind, space.id) }),
      cache.invalidateQueries({ queryKey: keys.me }),
    ]),
  });
  const join = useMutation({
    mutationFn: () => api.requestToJoin(kind, space.id, message.trim() || null),
    onSuccess: () => cache.invalidateQueries({ queryKey: queries.joinRequests(kind, space.id).queryKey }),
  });

  if (space.yourRole) {
    return (
      <div className="actions">
        <FormErrors error={leave.error} />
        <button type="button" disabled={leave.isPending} onClick={() => {
          if (window.confirm(t('space.leaveConfirm', { name: space.name }))) leave.mutate();
        }}>{t('space.leave')}</button>
      </div>
    );
  }

  return (
    <section aria-labelledby="join-heading">
      <h2 id="join-heading">{t('space.requestToJoin')}</h2>
      <Notice text={join.isSuccess ? t('space.requestSent') : null} />
      {!join.isSuccess && (
        <form noValidate className="narrow" onSubmit={(e) => {
          e.preventDefault();
          join.mutate();
        }}>
          <FormErrors error={join.error} />
          <TextAreaField label={t('space.joinMessage')} name="message" rows={2} maxLength={limits.messageMaxLength} value={message}
            onChange={(e) => setMessage(e.target.value)} errors={fieldErrorsOf(join.error)} />
          <button type="submit" disabled={join.isPending}>{t('space.requestToJoin')}</button>
        </form>
      )}
    </section>
  );
}
