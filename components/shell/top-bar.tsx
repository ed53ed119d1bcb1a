import type { ShellUser } from './app-shell';
import { MobileNav } from './mobile-nav';
import { SignOutButton } from './sign-out-button';
import { ThemeToggle } from './theme-toggle';
import { LiveIndicator } from '@/components/live/live-indicator';

const roleLabels: Record<ShellUser['role'], string> = { admin: 'Admin', operator: 'Operator', viewer: 'Viewer' };

export function TopBar({ user }: { user: ShellUser }) {
  return (
    <header className="sticky top-0 z-30 flex min-h-16 items-center gap-2 border-b bg-background/95 px-3 backdrop-blur sm:px-6">
      <MobileNav />
      <LiveIndicator />
      <div className="ml-auto flex min-w-0 flex-col items-end text-right leading-tight" title={user.email}>
        <span className="max-w-[9rem] truncate text-sm font-medium sm:max-w-xs">{user.name}</span>
        <span className="text-xs text-muted-foreground">
          <span className="sr-only">Role: </span>
          {roleLabels[user.role]}
        </span>
      </div>
      <ThemeToggle />
      <SignOutButton />
    </header>
  );
}
