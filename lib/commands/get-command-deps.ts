import { getCommandChannel } from '../bus/get-command-channel';
import { getDb } from '../db/client';
import { getEnv } from '../env';
import { createCommandWaiter, type CommandWaiter } from './command-waiter';
import type { CommandDeps } from './send-command';

const globalForWaiter = globalThis as unknown as { csmsCommandWaiter?: CommandWaiter };

/** The web process's command dependencies: one database pool, one LISTEN, one waiter. */
export function getCommandDeps(): CommandDeps {
  const channel = getCommandChannel();
  globalForWaiter.csmsCommandWaiter ??= createCommandWaiter(channel);
  return { db: getDb(), channel, waiter: globalForWaiter.csmsCommandWaiter, nodeDeadAfterMs: getEnv().OCPP_NODE_DEAD_AFTER * 1000 };
}
