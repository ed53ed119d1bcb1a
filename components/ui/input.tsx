import type { ComponentProps } from 'react';
import { cn } from '@/lib/utils/cn';

/** Shared by Input, Textarea and NativeSelect so form controls look alike. */
export const fieldClasses = cn(
  'w-full rounded-md border border-input bg-background px-3 text-base text-foreground shadow-xs sm:text-sm',
  'placeholder:text-muted-foreground',
  'focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring',
  'disabled:cursor-not-allowed disabled:opacity-50',
  'aria-[invalid=true]:border-danger aria-[invalid=true]:focus-visible:outline-danger',
);

export function Input({ className, type = 'text', ...props }: ComponentProps<'input'>) {
  return <input type={type} className={cn(fieldClasses, 'h-11 py-2 sm:h-10', className)} {...props} />;
}
