'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { userActor } from '@/lib/auth/session';
import { commandHttpResult } from '@/lib/commands/command-result';
import { getCommandDeps } from '@/lib/commands/get-command-deps';
import type { Command } from '@/lib/db/schema';
import { checkLocalListVersion, sendLocalList } from '@/lib/local-lists/send-local-list';

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
