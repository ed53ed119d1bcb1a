// Preloaded (`node --import`) into every child of the launcher. If the launcher dies without
// forwarding a signal (kill -9), the child is re-parented; we notice and stop gracefully with
// SIGTERM, so no web or OCPP server is left holding its port.
const parent = process.ppid;
const timer = setInterval(() => {
  if (process.ppid !== parent) {
    clearInterval(timer);
    process.kill(process.pid, 'SIGTERM');
    // A process that ignores SIGTERM is ended anyway.
    setTimeout(() => process.exit(1), 10_000).unref();
  }
}, 500);
timer.unref();
