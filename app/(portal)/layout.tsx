import type { ReactNode } from 'react';
import Link from 'next/link';
import { getSessionDriver } from '@/lib/driver-portal/driver-session';
import { driverSignOutAction } from './driver/actions';

// Per-driver pages: never prerendered or cached across drivers.
export const dynamic = 'force-dynamic';

/** The driver portal: phone first, one column, its own sign-in; nothing of the operator shell. */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const driver = await getSessionDriver();
  return (
    <div className="min-h-dvh bg-muted/40">
      <header className="border-b bg-background">
        <nav aria-label="Driver portal" className="mx-auto flex max-w-md items-center justify-between gap-2 px-4 py-3">
          <Link href="/driver" className="text-base font-semibold">
            ⚡ Charge
          </Link>
          {driver ? (
            <div className="flex items-center gap-3 text-sm">
              <Link href="/driver" className="py-2 underline-offset-4 hover:underline">
                Sessions
              </Link>
              <Link href="/driver/account" className="py-2 underline-offset-4 hover:underline">
                Account
              </Link>
              <form action={driverSignOutAction}>
                <button type="submit" className="py-2 underline-offset-4 hover:underline">
                  Sign out
                </button>
              </form>
            </div>
          ) : null}
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-md space-y-4 p-4">
        {children}
      </main>
    </div>
  );
}
