import type { Actor } from '../auth/roles';
import type { Driver } from '../db/schema';

/** Commands a driver causes are recorded as theirs (actor type `driver`). */
export function driverActor(driver: Driver): Actor {
  // The command path checks `role`; what a driver may send is decided by lib/driver-portal alone
  // (start and stop on a connector with their own tag), before it calls sendCommand.
  return { type: 'driver', id: driver.id, label: `driver:${driver.id}`, role: 'operator' };
}
