'use client';

import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { FieldError } from '@/components/ui/field-error';

export interface DraftFieldProps {
  /** The OCPI path the value lands on: errors for that path show here. */
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: Record<string, string[] | undefined>;
  readOnly: boolean;
  type?: 'text' | 'time' | 'date';
  hint?: string;
  className?: string;
}

const inputId = (path: string) => `tariff-${path.replaceAll('.', '-')}`;

/** One input of the tariff editor: controlled, wired to the errors of its OCPI path. */
export function DraftField({ path, label, value, onChange, errors, readOnly, type = 'text', hint, className }: DraftFieldProps) {
  const id = inputId(path);
  const messages = errors[path];
  // An empty required number reads better as "is required" than as zod's "expected number, received NaN".
  const shown = messages?.length && value.trim() === '' ? ['is required'] : messages;
  return (
    <div className={className ?? 'space-y-1.5'}>
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type={type}
        inputMode={type === 'text' ? 'decimal' : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        disabled={readOnly}
        aria-invalid={shown?.length ? true : undefined}
        aria-describedby={shown?.length ? `${id}-error` : undefined}
      />
      {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
      <FieldError id={`${id}-error`} errors={shown} />
    </div>
  );
}
