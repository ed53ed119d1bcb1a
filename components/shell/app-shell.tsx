import type { ReactNode } from 'react';
import type { Role } from '@/lib/db/schema';
import { Sidebar } from './sidebar';
import { TopBar } from './top-bar';

export type ShellUser = { name: string; email: string; role: Role };

/** Sidebar (drawer below md) + top bar + main. Renders the signed-in user's name and role. */
export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-primary px-4 py-2 text-primary-foreground focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <Sidebar />
      <div className="flex min-w-0 flex-1 flex-col">
        <TopBar user={user} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 outline-none sm:px-6 sm:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
