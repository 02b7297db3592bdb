import { useId, useRef, useState } from 'react';
import { useI18n } from '../i18n';

/** A secret shown once (invitation link, API key): read-only, selectable, with a copy button and its outcome announced. */
export function CopyField({ label, value, copyLabel }: { label: string; value: string; copyLabel: string }) {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<string | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus(t('invitations.copied'));
    } catch {
      input.current?.select();
      setStatus(t('invitations.copyFailed'));
    }
  };

  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="row">
        <input id={id} ref={input} readOnly value={value} className="mono" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={copy}>{copyLabel}</button>
      </div>
      <p role="status" className="hint">{status ?? ''}</p>
    </div>
  );
}
