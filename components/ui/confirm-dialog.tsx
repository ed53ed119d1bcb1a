'use client';

import { useState, type ReactElement, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { Button } from './button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from './dialog';

export type ConfirmDialogProps = {
  /** The element that opens the dialog, e.g. <Button variant="destructive">Delete</Button>. */
  trigger: ReactElement;
  title: string;
  description: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  /** Styles the confirm button; use 'destructive' for irreversible actions. */
  variant?: 'default' | 'destructive';
  /** Client-side confirm: called, then the dialog closes. */
  onConfirm?: () => void;
  /**
   * Form confirm: the confirm button submits a <form action={action}> inside the dialog; `children`
   * go inside that form (e.g. <input type="hidden" name="id" value={id} />). Closes when it resolves.
   */
  action?: (formData: FormData) => void | Promise<void>;
  /**
   * Or submit a form elsewhere on the page by its id. The dialog is portalled out of that form, so
   * the button is linked with the `form` attribute rather than by nesting.
   */
  formId?: string;
  children?: ReactNode;
};

/** "Are you sure?" before a consequential action. Pick one of onConfirm, action or formId. */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel = 'Confirm',
  cancelLabel = 'Cancel',
  variant = 'default',
  onConfirm,
  action,
  formId,
  children,
}: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);
  const cancel = (
    <DialogClose asChild>
      <Button variant="outline">{cancelLabel}</Button>
    </DialogClose>
  );

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent role="alertdialog">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {action ? (
          <form
            action={async (formData) => {
              await action(formData);
              setOpen(false);
            }}
          >
            {children}
            <DialogFooter>
              {cancel}
              <SubmitButton label={confirmLabel} variant={variant} />
            </DialogFooter>
          </form>
        ) : (
          <DialogFooter>
            {cancel}
            <Button
              type={formId ? 'submit' : 'button'}
              form={formId}
              variant={variant}
              onClick={() => {
                onConfirm?.();
                // Close after the click's default action, so a `form=` submit still finds its button in the DOM.
                setTimeout(() => setOpen(false), 0);
              }}
            >
              {confirmLabel}
            </Button>
          </DialogFooter>
        )}
      </DialogContent>
    </Dialog>
  );
}

function SubmitButton({ label, variant }: { label: string; variant: 'default' | 'destructive' }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-disabled={pending}>
      {pending ? 'Working…' : label}
    </Button>
  );
}
