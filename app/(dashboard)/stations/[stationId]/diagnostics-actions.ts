'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { getSessionUser, userActor } from '@/lib/auth/session';
import { roleAllows } from '@/lib/auth/roles';
import { commandView } from '@/lib/commands/command-result';
import { getCommandDeps } from '@/lib/commands/get-command-deps';
import { publicBaseUrl } from '@/lib/diagnostics/public-base-url';
import { requestDiagnostics } from '@/lib/diagnostics/request-diagnostics';
import { AppError } from '@/lib/errors';
import type { CommandActionResult } from './command-actions';

/** GetDiagnostics with this server as the upload target; stations reach it at the address the operator uses. */
export async function requestDiagnosticsAction(stationId: string): Promise<CommandActionResult> {
  const user = await getSessionUser();
  if (!user) return { error: 'Your session ended: sign in again' };
  if (!roleAllows(user.role, 'operator')) return { error: 'Viewers cannot send commands to stations' };
  const id = z.string().min(1).max(48).safeParse(stationId);
  if (!id.success) return { error: 'Invalid station' };
  try {
    const { command } = await requestDiagnostics(getCommandDeps(), userActor(user), { stationId: id.data, baseUrl: publicBaseUrl(await headers()) });
    return { command: commandView(command) };
  } catch (error) {
    if (error instanceof AppError) return { error: error.message, field: error.field };
    throw error;
  }
}
