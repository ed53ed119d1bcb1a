import { getDb } from '../db/client';
import { createCommandChannel, type CommandChannel } from './command-channel';

const globalForChannel = globalThis as unknown as { csmsCommandChannel?: CommandChannel };

/** The web process's command channel on the process-wide database client. */
export function getCommandChannel(): CommandChannel {
  globalForChannel.csmsCommandChannel ??= createCommandChannel(getDb().$client);
  return globalForChannel.csmsCommandChannel;
}
