import type { ComponentProps } from 'react';
import { cn } from '@/lib/utils/cn';
import { fieldClasses } from './input';

/**
 * A styled native <select>: works without JavaScript, inside plain forms (FormData), with the
 * phone's own picker, and in tests via selectOption(). Pass <option> elements as children.
 */
export function NativeSelect({ className, ...props }: ComponentProps<'select'>) {
  return (
    <select
      className={cn(fieldClasses, 'select-chevron h-11 appearance-none sm:h-10 py-2 pr-9', className)}
      {...props}
    />
  );
}
