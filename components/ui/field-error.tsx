import { cn } from '@/lib/utils/cn';

export type FieldErrorProps = {
  /** Give the field aria-describedby={id} and aria-invalid so screen readers connect the two. */
  id: string;
  /** One message or a list (e.g. zod's flattened fieldErrors[name]); nothing renders when empty. */
  errors?: string | readonly string[] | null;
  className?: string;
};

export function FieldError({ id, errors, className }: FieldErrorProps) {
  const messages = errors == null ? [] : typeof errors === 'string' ? [errors] : errors;
  if (messages.length === 0) return null;
  return (
    <div id={id} role="alert" className={cn('mt-1 text-sm text-danger', className)}>
      {messages.map((message, index) => (
        <p key={index}>{message}</p>
      ))}
    </div>
  );
}
