import type { ReactNode } from 'react';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { FieldError } from '@/components/ui/field-error';

interface FormFieldProps extends React.ComponentProps<typeof Input> {
  name: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
}

/** Label + input + the field's errors, wired for screen readers (aria-invalid, aria-describedby). */
export function FormField({ name, label, errors, hint, id, ...inputProps }: FormFieldProps) {
  const inputId = id ?? `field-${name}`;
  const errorId = `${inputId}-error`;
  return (
    <div className="space-y-1.5">
      <Label htmlFor={inputId}>{label}</Label>
      <Input id={inputId} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? errorId : undefined} {...inputProps} />
      {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}
