import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { SpaceDetails } from '../api/endpoints';
import { keys, queries } from '../api/queries';
import { visibilityValues, type Visibility } from '../generated/openapi';
import { useI18n } from '../i18n';
import { newId, spacePath } from '../spaces/paths';
import { SelectField } from './Field';

/** The visibility choice every create form shares, explained by its option texts. */
export function VisibilitySelect({ value, onChange, errors }: {
  value: Visibility;
  onChange(v: Visibility): void;
  errors?: Readonly<Record<string, string[]>>;
}) {
  const { t } = useI18n();
  return (
    <SelectField label={t('form.visibility')} name="visibility" value={value} errors={errors}
      onChange={(e) => onChange(e.target.value as Visibility)}>
      {visibilityValues.map((v) => <option key={v} value={v}>{t(`visibility.${v}`)}</option>)}
    </SelectField>
  );
}

/**
 * The submit of a form that creates a top-level space, then opens it. One idempotency key per intended space: a retry
 * after a lost answer or a 503 sends the same key, so the server makes it once; only a success starts a new one.
 */
export function useCreateSpace<Body, Created extends SpaceDetails>(
  kind: 'organisation' | 'coalition',
  create: (body: Body, idempotencyKey: string) => Promise<Created>,
) {
  const cache = useQueryClient();
  const navigate = useNavigate();
  const [key, setKey] = useState(newId);
  return useMutation({
    mutationFn: (body: Body) => create(body, key),
    onSuccess: async (created) => {
      setKey(newId());
      // The answer is what the space page would read first; the person's spaces and the directory now list it.
      cache.setQueryData(queries.details(kind, created.id).queryKey, created);
      await Promise.all([cache.invalidateQueries({ queryKey: keys.me }), cache.invalidateQueries({ queryKey: keys.directory })]);
      navigate(spacePath({ kind, id: created.id }));
    },
  });
}
