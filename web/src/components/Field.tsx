// Labelled form controls. Every control has a visible <label>; hints and errors are tied to it with
// aria-describedby, and an error sets aria-invalid.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n';

type Errors = Readonly<Record<string, string[]>>;

/** Messages for a field, including its items ("topics" collects "topics[2]"). */
export function messagesFor(errors: Errors, name: string): string[] {
  return Object.entries(errors)
    .filter(([key]) => key === name || key.startsWith(`${name}[`) || key.startsWith(`${name}.`))
    .flatMap(([, messages]) => messages);
}

interface FieldProps {
  label: string;
  name: string;
  hint?: string;
  errors?: Errors;
  children: (control: { id: string; name: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}

export function Field({ label, name, hint, errors = {}, children }: FieldProps) {
  const id = useId();
  const messages = messagesFor(errors, name);
  const described = [hint ? `${id}-hint` : null, messages.length ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
      {messages.length > 0 && <p id={`${id}-error`} className="field-error">{messages.join(' ')}</p>}
      {children({ id, name, 'aria-describedby': described || undefined, 'aria-invalid': messages.length ? true : undefined })}
    </div>
  );
}

type Common = { label: string; name: string; hint?: string; errors?: Errors };

export function TextField({ label, name, hint, errors, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return <Field label={label} name={name} hint={hint} errors={errors}>{(c) => <input type="text" {...input} {...c} />}</Field>;
}

export function TextAreaField({ label, name, hint, errors, ...area }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <Field label={label} name={name} hint={hint} errors={errors}>{(c) => <textarea dir="auto" rows={4} {...area} {...c} />}</Field>;
}

export function SelectField({ label, name, hint, errors, children, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field label={label} name={name} hint={hint} errors={errors}>
      {(c) => <select {...select} {...c}>{children}</select>}
    </Field>
  );
}

/** A checkbox with its label beside it and an optional hint below. */
export function CheckboxField({ label, name, hint, checked, onChange }: { label: string; name: string; hint?: string; checked: boolean; onChange(checked: boolean): void }) {
  const id = useId();
  return (
    <div className="field checkbox">
      <input type="checkbox" id={id} name={name} checked={checked} aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
    </div>
  );
}

/** The summary at the top of a form after a failed submit; focusable-free, announced as an alert. */
/** A failed request's validation messages by camelCase field name, for the fields' `errors` (none for other failures). */
export function fieldErrorsOf(error: unknown): Readonly<Record<string, string[]>> {
  return error instanceof ApiError ? error.fieldErrors : {};
}

export function FormErrors({ error }: { error: unknown }) {
  const { t, errorText } = useI18n();
  if (!error) return null;
  const fields = error instanceof ApiError ? Object.values(error.fieldErrors).flat() : [];
  if (fields.length === 0) return <p role="alert" className="error">{errorText(error)}</p>;
  return (
    <div role="alert" className="error">
      <p>{t('form.errorsTitle')}</p>
      <ul>{fields.map((message, i) => <li key={i}>{message}</li>)}</ul>
    </div>
  );
}
