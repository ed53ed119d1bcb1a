import type postgres from 'postgres';

/** Web app → OCPP nodes: "command `commandId` for `stationId` is queued; `nodeId` held its socket". */
export const COMMANDS_CHANNEL = 'csms_commands';
/** OCPP node → web app: "command `commandId` has its outcome in the table". */
export const COMMAND_DONE_CHANNEL = 'csms_command_done';

export interface CommandQueued {
  commandId: number;
  stationId: string;
  nodeId: string | null;
}
export interface CommandDone {
  commandId: number;
}

export interface CommandChannel {
  notifyQueued(message: CommandQueued): Promise<void>;
  notifyDone(message: CommandDone): Promise<void>;
  /** Resolves once LISTEN is active, so nothing sent after it is missed. */
  onQueued(listener: (message: CommandQueued) => void): Promise<() => void>;
  onDone(listener: (message: CommandDone) => void): Promise<() => void>;
  close(): Promise<void>;
}

/**
 * The command path's NOTIFYs. Unlike the event bus they are sent at once, unbatched (a command's
 * round trip is on an operator's click), and carry ids only: the truth is the commands table,
 * which also covers a NOTIFY that is lost (they are at-most-once). One LISTEN connection per
 * process (postgres.js shares it between channels), fanned out in memory.
 */
export function createCommandChannel(sql: postgres.Sql, options: { onError?: (error: unknown) => void } = {}): CommandChannel {
  const onError = options.onError ?? ((error) => console.error('[commands]', error));
  const listeners = { [COMMANDS_CHANNEL]: new Set<(message: never) => void>(), [COMMAND_DONE_CHANNEL]: new Set<(message: never) => void>() };
  const listening = new Map<string, Promise<{ unlisten(): Promise<void> }>>();

  async function subscribe<T>(channel: keyof typeof listeners, listener: (message: T) => void): Promise<() => void> {
    const set = listeners[channel] as Set<(message: T) => void>;
    set.add(listener);
    let started = listening.get(channel);
    if (!started) {
      started = sql.listen(channel, (payload) => deliver(set, payload));
      listening.set(channel, started);
      started.catch(onError);
    }
    await started;
    return () => set.delete(listener);
  }

  function deliver<T>(set: Set<(message: T) => void>, payload: string) {
    let message: T;
    try {
      message = JSON.parse(payload) as T;
    } catch {
      return;
    }
    for (const listener of set) {
      try {
        listener(message);
      } catch (error) {
        onError(error);
      }
    }
  }

  return {
    notifyQueued: (message) => sql.notify(COMMANDS_CHANNEL, JSON.stringify(message)).then(() => undefined),
    notifyDone: (message) => sql.notify(COMMAND_DONE_CHANNEL, JSON.stringify(message)).then(() => undefined),
    onQueued: (listener) => subscribe(COMMANDS_CHANNEL, listener),
    onDone: (listener) => subscribe(COMMAND_DONE_CHANNEL, listener),
    async close() {
      for (const started of listening.values()) await (await started.catch(() => undefined))?.unlisten().catch(() => {});
      listening.clear();
      for (const set of Object.values(listeners)) set.clear();
    },
  };
}
