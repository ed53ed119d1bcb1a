export interface ScheduledTask {
  name: string;
  everyMs: number;
  run(): Promise<void>;
  /** Run once at start instead of waiting a full period. */
  immediate?: boolean;
}

/**
 * The server's only timers. A task never overlaps itself (a slow database delays the next run
 * instead of stacking runs); a failure is reported and the task runs again next period.
 */
export function startScheduler(tasks: ScheduledTask[], onError: (error: unknown, task: string) => void) {
  const timers: NodeJS.Timeout[] = [];
  const running = new Map<Promise<void>, string>();
  let stopped = false;
  for (const task of tasks) {
    let busy = false;
    const tick = () => {
      if (busy || stopped) return;
      busy = true;
      const run = task
        .run()
        .catch((error) => onError(error, task.name))
        .finally(() => {
          busy = false;
          running.delete(run);
        });
      running.set(run, task.name);
    };
    const timer = setInterval(tick, task.everyMs);
    timer.unref();
    timers.push(timer);
    if (task.immediate) tick();
  }
  return {
    /**
     * Stops the timers and waits for runs in progress, at most `maxWaitMs`: a long run (a rollup
     * refresh over months) must not hold up shutdown. Returns the names of the tasks still running;
     * closing the database then ends them, and their transactions roll back.
     */
    async stop(maxWaitMs = Infinity): Promise<string[]> {
      stopped = true;
      timers.forEach(clearInterval);
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<void>((resolve) => (timer = Number.isFinite(maxWaitMs) ? setTimeout(resolve, maxWaitMs) : undefined));
      await Promise.race([Promise.allSettled([...running.keys()]), limit]);
      clearTimeout(timer);
      return [...running.values()];
    },
  };
}
