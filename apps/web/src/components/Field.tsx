/**
 * Labelled form controls that show the API's message at their field (every 4xx names one). Inside
 * a MutationForm they read the mutation's error from the form, so a field needs only its label
 * and the API's name for it.
 */
import {
  createContext,
  useContext,
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { ApiError } from '../api/client';

/** The error of the form a field stands in (a MutationForm provides its mutation's). */
export const FormErrorContext = createContext<unknown>(undefined);

/** The message for `field` in an error, if the API named that field. */
export function fieldMessage(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.messageFor(field) : undefined;
}

/** The error's message when no field of the form shows it. */
export function formMessage(error: unknown, fields: readonly string[]): string | undefined {
  if (!error) return undefined;
  if (error instanceof ApiError) {
    const named = [error.body.field, ...(error.body.fields ?? []).map((f) => f.field)].filter(Boolean);
    if (named.length > 0 && named.every((f) => fields.includes(f!))) return undefined;
    return error.message;
  }
  return error instanceof Error ? error.message : typeof error === 'string' ? error : 'the request failed';
}

interface Common {
  label: string;
  /** API field name whose error this control shows. */
  field: string;
  /** The error to show; by default the enclosing form's. */
  error?: unknown;
  hint?: ReactNode;
  /** Extra class on the field's frame, e.g. `wide`. */
  frame?: string;
}

/** The frame every control shares: label, the control (given the ids and ARIA it needs), then the hint or the API's message. */
function Labelled({ label, field, error, hint, frame, control }: Common & { control: (aria: Record<string, unknown>) => ReactNode }) {
  const id = useId();
  const formError = useContext(FormErrorContext);
  const message = fieldMessage(error ?? formError, field);
  const aria = {
    id,
    name: field,
    'aria-invalid': message ? true : undefined,
    'aria-describedby': message ? `${id}-err` : hint ? `${id}-hint` : undefined,
  };
  return (
    <div className={['field', message && 'invalid', frame].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {control(aria)}
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

type FieldProps = Common & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };

export function Field({ label, field, error, hint, frame, ...input }: FieldProps) {
  return <Labelled {...{ label, field, error, hint, frame }} control={(aria) => <input {...aria} {...input} />} />;
}

type TextAreaProps = Common & TextareaHTMLAttributes<HTMLTextAreaElement>;

export function TextAreaField({ label, field, error, hint, frame = 'wide', ...textarea }: TextAreaProps) {
  return <Labelled {...{ label, field, error, hint, frame }} control={(aria) => <textarea {...aria} {...textarea} />} />;
}

export type Option = string | { value: string; label: string };

type SelectProps = Common & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly Option[] };

export function SelectField({ label, field, error, hint, frame, options, ...select }: SelectProps) {
  return (
    <Labelled
      {...{ label, field, error, hint, frame }}
      control={(aria) => (
        <select {...aria} {...select}>
          <Options options={options} />
        </select>
      )}
    />
  );
}

/** `<option>`s from plain values or value/label pairs. */
export function Options({ options }: { options: readonly Option[] }) {
  return (
    <>
      {options.map((o) => {
        const { value, label } = typeof o === 'string' ? { value: o, label: o } : o;
        return (
          <option key={value} value={value}>
            {label}
          </option>
        );
      })}
    </>
  );
}

/** A form-level error (one the fields do not show). */
export function FormError({ error, fields }: { error: unknown; fields: readonly string[] }) {
  const message = formMessage(error, fields);
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}
