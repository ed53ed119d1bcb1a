/**
 * Runs `stop` once on SIGTERM or SIGINT, then exits 0; exits 1 if it takes longer than `limitMs`
 * or fails. A second signal while stopping is ignored (the launcher may send both).
 */
export function onShutdownSignal(stop: (signal: string) => Promise<void>, options: { limitMs: number; log(line: string): void }): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    options.log(`OCPP server: ${signal} received, shutting down`);
    setTimeout(() => {
      options.log('OCPP server: shutdown took too long, exiting');
      process.exit(1);
    }, options.limitMs).unref();
    stop(signal).then(
      () => process.exit(0),
      (error) => {
        console.error('OCPP server: shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}
