import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';

/** Rendered with HTTP 403 when requireRole() refuses (next/navigation forbidden()). */
export default function Forbidden() {
  return (
    <main id="main" className="flex min-h-dvh flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-medium text-muted-foreground">403</p>
      <h1 className="text-2xl font-semibold">You do not have access to this page</h1>
      <p className="max-w-md text-muted-foreground">Your role does not allow it. Ask an admin if you need access.</p>
      <Link href="/" className={buttonVariants({ variant: 'outline' })}>
        Back to the overview
      </Link>
    </main>
  );
}
