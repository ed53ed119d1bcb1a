import { Alert } from '@/components/ui/alert';
import type { FormState } from '@/lib/actions/form-action';

/** The outcome of a form's server action: success or error, above the form's fields. */
export function FormMessage({ state, className }: { state: Pick<FormState, 'ok' | 'message'>; className?: string }) {
  if (!state.message) return null;
  return (
    <div className={className}>
      <Alert variant={state.ok ? 'success' : 'error'}>{state.message}</Alert>
    </div>
  );
}
