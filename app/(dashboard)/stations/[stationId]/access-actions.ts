'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { userActor } from '@/lib/auth/session';
import { commandHttpResult } from '@/lib/commands/command-result';
import { getCommandDeps } from '@/lib/commands/get-command-deps';
import type { Command } from '@/lib/db/schema';
import { idTagValueSchema } from '@/lib/id-tags/schemas';
import { checkLocalListVersion, sendLocalList } from '@/lib/local-lists/send-local-list';
import { cancelReservation } from '@/lib/reservations/cancel-reservation';
import { reserveNow } from '@/lib/reservations/reserve-now';

const stationId = z.string().min(1).max(48);
const revalidate = (id: string) => revalidatePath(`/stations/${encodeURIComponent(id)}`);
const failure = (command: Command) => ({ message: (commandHttpResult(command).body as { error: { message: string } }).error.message });

export const sendLocalListAction = formAction('operator', z.object({ stationId, updateType: z.enum(['Full', 'Differential']) }), async (input, user) => {
  const sent = await sendLocalList(getCommandDeps(), userActor(user), input);
  revalidate(input.stationId);
  if (sent.status === null) return failure(sent.command);
  return { ok: sent.status === 'Accepted', message: `${sent.updateType} list version ${sent.listVersion} (${sent.entries} entr${sent.entries === 1 ? 'y' : 'ies'}): the station answered ${sent.status}.` };
});

export const checkLocalListVersionAction = formAction('operator', z.object({ stationId }), async (input, user) => {
  const checked = await checkLocalListVersion(getCommandDeps(), userActor(user), input.stationId);
  revalidate(input.stationId);
  if (checked.listVersion === null) return failure(checked.command);
  return { ok: true, message: `The station holds list version ${checked.listVersion}.` };
});

const reserveInput = z.object({
  stationId,
  connectorId: z.coerce.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(0, { error: 'must be 0 (any) or a connector number' }),
  idTag: idTagValueSchema,
  minutes: z.coerce.number({ error: 'must be a number' }).int({ error: 'must be whole minutes' }).min(1, { error: 'must be at least 1 minute' }).max(7 * 24 * 60, { error: 'must be at most a week' }),
});

export const reserveNowAction = formAction('operator', reserveInput, async ({ minutes, ...input }, user) => {
  const { reservation, command } = await reserveNow(getCommandDeps(), userActor(user), { ...input, expiryDate: new Date(Date.now() + minutes * 60_000) });
  revalidate(input.stationId);
  if (reservation.status === 'active') return { ok: true, message: `Reservation ${reservation.id} accepted until ${reservation.expiresAt.toISOString().slice(11, 16)} UTC.` };
  if (command.state === 'completed' || command.state === 'rejected') return { message: `The station refused the reservation: ${reservation.stationAnswer}.` };
  return failure(command);
});

export const cancelReservationAction = formAction('operator', z.object({ stationId, id: z.coerce.number().int().positive() }), async (input, user) => {
  const { reservation, command } = await cancelReservation(getCommandDeps(), userActor(user), input.id);
  revalidate(input.stationId);
  if (reservation.status === 'active' && command) return failure(command);
  return { ok: true, message: `Reservation ${reservation.id} cancelled (${reservation.stationAnswer}).` };
});
