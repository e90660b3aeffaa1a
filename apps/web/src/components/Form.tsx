/**
 * The pieces every form of the app repeats: its values as strings bound to controls
 * (`useFormValues`), a submit button that shows the request pending, and the form itself
 * around one TanStack mutation — the fields show the API's message at the field they name, and
 * what no field shows appears above the button.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { FormError, FormErrorContext } from './Field';

/** What a form needs of a TanStack mutation that takes no variables. */
export interface FormMutation {
  mutate: (variables: void) => void;
  isPending: boolean;
  error: unknown;
}

/**
 * A form's values as strings, and `bind(key)` giving a control its `value` and `onChange`.
 * Controls hold text; the mutation converts when it sends.
 */
export function useFormValues<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const bind = (key: keyof T & string) => ({
    value: values[key],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value })),
  });
  return { values, setValues, bind, reset: () => setValues(initial) };
}

/** A submit button: disabled and marked busy while its request is pending (its name stays, for screen readers and tests). */
export function SubmitButton({ pending, disabled, children }: { pending: boolean; disabled?: boolean; children: ReactNode }) {
  return (
    <button type="submit" className="primary" disabled={pending || disabled} aria-busy={pending || undefined}>
      {children}
      {pending && <span className="pending" aria-hidden="true" />}
    </button>
  );
}

interface MutationFormProps {
  mutation: FormMutation;
  /** The form's heading (and accessible name); none for a form a section already names. */
  title?: string;
  /** Heading level of the title. */
  level?: 2 | 3;
  /** The form's name when it has no title. */
  label?: string;
  /** The submit button's text. */
  submit: string;
  /** The API field names this form's controls show; an error naming another field shows above the button. */
  fields: readonly string[];
  /** Disables the button (e.g. until a list it needs has loaded). */
  disabled?: boolean;
  className?: string;
  children: ReactNode;
  /** What follows the button: the result of the last submission. */
  after?: ReactNode;
}

export function MutationForm({ mutation, title, level = 3, label, submit, fields, disabled, className = 'grid-form', children, after }: MutationFormProps) {
  const titleId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <form className={className} onSubmit={onSubmit} aria-labelledby={title ? titleId : undefined} aria-label={title ? undefined : label}>
      {title && <Heading id={titleId}>{title}</Heading>}
      <FormErrorContext.Provider value={mutation.error}>{children}</FormErrorContext.Provider>
      <FormError error={mutation.error} fields={fields} />
      <SubmitButton pending={mutation.isPending} disabled={disabled}>
        {submit}
      </SubmitButton>
      {after}
    </form>
  );
}
