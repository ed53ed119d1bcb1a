'use server';

import { z } from 'zod';
import { getSessionUser, userActor } from '@/lib/auth/session';
import { roleAllows } from '@/lib/auth/roles';
import { commandActions } from '@/lib/commands/command-catalog';
import { commandView, type CommandView } from '@/lib/commands/command-result';
import { getCommandDeps } from '@/lib/commands/get-command-deps';
import { sendCommand } from '@/lib/commands/send-command';
import { AppError } from '@/lib/errors';

export type CommandActionResult = { command: CommandView; error?: undefined; field?: undefined } | { command?: undefined; error: string; field?: string };

const input = z.object({
  stationId: z.string().min(1).max(48),
  action: z.enum(commandActions),
  payload: z.record(z.string(), z.unknown()),
  timeoutS: z.number().min(0.1).max(300).optional(),
});

/**
 * The maintenance screens' way to send a command: the same domain function as the REST API
 * (validation against the 1.6 schema, audit, routing to the node holding the socket).
 */
export async function sendCommandAction(raw: z.input<typeof input>): Promise<CommandActionResult> {
  const user = await getSessionUser();
  if (!user) return { error: 'Your session ended: sign in again' };
  if (!roleAllows(user.role, 'operator')) return { error: 'Viewers cannot send commands to stations' };
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'Invalid command' };
  try {
    const { stationId, action, payload, timeoutS } = parsed.data;
    const command = await sendCommand(getCommandDeps(), userActor(user), { stationId, action, payload, timeoutMs: timeoutS ? timeoutS * 1000 : undefined });
    return { command: commandView(command) };
  } catch (error) {
    if (error instanceof AppError) return { error: error.message, field: error.field };
    throw error;
  }
}
