import { z } from 'zod';
import type { Role } from '../db/schema';
import { AppError } from '../errors';
import { requireRole, type SessionUser } from '../auth/session';

export interface FormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** What the person typed, so a form with errors is not emptied. */
  values?: Record<string, string>;
  /** Data only this response carries, e.g. a new API token shown once. */
  result?: Record<string, string>;
}

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === 'string' && !key.startsWith('$')) values[key] = value;
  return values;
}

/**
 * A server action for a form: requireRole → zod-parse the form → domain function. Field errors and
 * AppErrors come back as state next to the fields; anything else (including redirect()) propagates.
 */
export function formAction<S extends z.ZodType>(
  role: Role,
  schema: S,
  run: (input: z.infer<S>, user: SessionUser) => Promise<FormState | void>,
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const user = await requireRole(role);
    const values = formValues(formData);
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      return { message: 'Please correct the highlighted fields.', fieldErrors: z.flattenError(parsed.error).fieldErrors as FormState['fieldErrors'], values };
    }
    try {
      return (await run(parsed.data, user)) ?? { ok: true };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { message: error.message, fieldErrors: error.field ? { [error.field]: [error.message] } : undefined, values };
    }
  };
}
