import { useI18n } from '../i18n';

export function Loading() {
  const { t } = useI18n();
  return <p role="status" className="muted">{t('app.loading')}</p>;
}

export function ErrorMessage({ error }: { error: unknown }) {
  const { errorText } = useI18n();
  if (!error) return null;
  return <p role="alert" className="error">{errorText(error)}</p>;
}

/** A polite announcement for things that succeeded (copied, saved, sent). */
export function Notice({ text }: { text: string | null }) {
  return <p role="status" className={text ? 'notice' : 'visually-hidden'}>{text ?? ''}</p>;
}
