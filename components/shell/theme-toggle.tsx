'use client';

import { useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';

// The `dark` class on <html> is the source of truth (set before paint by app/layout.tsx).
function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}
const isDarkNow = () => document.documentElement.classList.contains('dark');
const isDarkOnServer = () => false;

/** A toggle button (aria-pressed) between light and dark; the choice is saved in localStorage 'theme'. */
export function ThemeToggle() {
  const dark = useSyncExternalStore(subscribe, isDarkNow, isDarkOnServer);
  const toggle = () => {
    const next = !dark;
    document.documentElement.classList.toggle('dark', next);
    try {
      localStorage.setItem('theme', next ? 'dark' : 'light');
    } catch {
      // Storage may be unavailable (private mode); the theme still applies for this page.
    }
  };
  return (
    <Button variant="ghost" size="icon" aria-pressed={dark} onClick={toggle} title="Dark theme">
      <span className="sr-only">Dark theme</span>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        {dark ? (
          <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
        ) : (
          <>
            <circle cx="12" cy="12" r="4" />
            <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
          </>
        )}
      </svg>
    </Button>
  );
}
