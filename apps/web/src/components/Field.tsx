/** Labelled form controls that show the API's message for their field (every 4xx names one). */
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { ApiError } from '../api/client';

/** The message for `field` in an error, if the API named that field. */
export function fieldMessage(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.messageFor(field) : undefined;
}

/** The error's message when no field of the form shows it. */
export function formMessage(error: unknown, fields: string[]): string | undefined {
  if (!error) return undefined;
  if (error instanceof ApiError) {
    const named = [error.body.field, ...(error.body.fields ?? []).map((f) => f.field)].filter(Boolean);
    if (named.length > 0 && named.every((f) => fields.includes(f!))) return undefined;
    return error.message;
  }
  return error instanceof Error ? error.message : typeof error === 'string' ? error : 'the request failed';
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  /** API field name whose error this input shows. */
  field: string;
  error?: unknown;
  hint?: ReactNode;
}

export function Field({ label, field, error, hint, ...input }: FieldProps) {
  const id = useId();
  const message = fieldMessage(error, field);
  return (
    <div className={`field${message ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={field}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-err` : hint ? `${id}-hint` : undefined}
        {...input}
      />
      {hint && !message && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {message && (
        <small id={`${id}-err`} className="error" role="alert" data-field={field}>
          {message}
        </small>
      )}
    </div>
  );
}

interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  field: string;
  error?: unknown;
  options: readonly (string | { value: string; label: string })[];
}

export function SelectField({ label, field, error, options, ...select }: SelectProps) {
  const id = useId();
  const message = fieldMessage(error, field);
  return (
    <div className={`field${message ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={field} aria-invalid={message ? true : undefined} aria-describedby={message ? `${id}-err` : undefined} {...select}>
        {options.map((o) => {
          const { value, label: text } = typeof o === 'string' ? { value: o, label: o } : o;
          return (
            <option key={value} value={value}>
              {text}
            </option>
          );
        })}
      </select>
      {message && (
        <small id={`${id}-err`} className="error" role="alert" data-field={field}>
          {message}
        </small>
      )}
    </div>
  );
}

/** A form-level error (one the fields do not show). */
export function FormError({ error, fields }: { error: unknown; fields: string[] }) {
  const message = formMessage(error, fields);
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}
