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
  const running = new Set<Promise<void>>();
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
      running.add(run);
    };
    const timer = setInterval(tick, task.everyMs);
    timer.unref();
    timers.push(timer);
    if (task.immediate) tick();
  }
  return {
    /** Stops the timers and waits for runs in progress. */
    async stop() {
      stopped = true;
      timers.forEach(clearInterval);
      await Promise.allSettled([...running]);
    },
  };
}
