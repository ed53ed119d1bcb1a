import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { LiveEventsProvider } from '@/components/live/live-events-provider';
import { requireUser } from '@/lib/auth/session';

// Per-user pages: never prerendered or cached across users.
export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <LiveEventsProvider>
      <AppShell user={user}>{children}</AppShell>
    </LiveEventsProvider>
  );
}
