import type { CommandChannel } from '../bus/command-channel';

export interface CommandWaiter {
  /**
   * Call before sending: resolves true when the command's completion NOTIFY arrives, false when
   * `timeoutMs` passes. `recheck` runs every `pollMs` meanwhile and may end the wait early (true):
   * NOTIFY is at-most-once, the table is the truth.
   */
  wait(commandId: number, input: { timeoutMs: number; recheck(): Promise<boolean> }): { ready: Promise<void>; done: Promise<boolean> };
}

/** One completion listener per process, shared by every command waiting in it. */
export function createCommandWaiter(channel: CommandChannel, options: { pollMs?: number } = {}): CommandWaiter {
  const pollMs = options.pollMs ?? 1000;
  const waiting = new Map<number, () => void>();
  let listening: Promise<unknown> | undefined;

  return {
    wait(commandId, input) {
      listening ??= channel.onDone(({ commandId: id }) => waiting.get(id)?.());
      const ready = listening.then(() => undefined);
      const done = new Promise<boolean>((resolve) => {
        const finish = (outcome: boolean) => {
          clearTimeout(timer);
          clearInterval(poll);
          waiting.delete(commandId);
          resolve(outcome);
        };
        const timer = setTimeout(() => finish(false), input.timeoutMs);
        const poll = setInterval(() => {
          input.recheck().then((ended) => ended && finish(true), () => {});
        }, pollMs);
        waiting.set(commandId, () => finish(true));
      });
      return { ready, done };
    },
  };
}
