import type { Db } from '@/lib/db/client';
import { pruneLoginAttempts } from '@/lib/auth/prune-login-attempts';
import type { ScheduledTask } from './scheduler';

/** Drops sign-in attempts and link requests older than any rate limit looks (one DELETE; harmless on several nodes). */
export function loginAttemptsRetentionTask(db: Db, everyMs = 3_600_000): ScheduledTask {
  return { name: 'login attempts retention', everyMs, immediate: true, run: () => pruneLoginAttempts(db, new Date()) };
}
