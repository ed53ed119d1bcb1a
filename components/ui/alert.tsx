import type { ComponentProps, ReactNode } from 'react';
import { cn } from '@/lib/utils/cn';

const variants = {
  info: 'border-blue-200 bg-blue-50 text-blue-900 dark:border-blue-900 dark:bg-blue-950 dark:text-blue-200',
  success: 'border-green-200 bg-green-50 text-green-900 dark:border-green-900 dark:bg-green-950 dark:text-green-200',
  error: 'border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-200',
} as const;

export type AlertVariant = keyof typeof variants;

export type AlertProps = Omit<ComponentProps<'div'>, 'title'> & { variant?: AlertVariant; title?: ReactNode };

/** An inline message box. Errors use role="alert" (announced at once); info and success use role="status". */
export function Alert({ variant = 'info', title, className, children, ...props }: AlertProps) {
  return (
    <div
      role={variant === 'error' ? 'alert' : 'status'}
      className={cn('rounded-md border px-4 py-3 text-sm', variants[variant], className)}
      {...props}
    >
      {title ? <p className="font-medium">{title}</p> : null}
      {children ? <div className={title ? 'mt-1' : undefined}>{children}</div> : null}
    </div>
  );
}
