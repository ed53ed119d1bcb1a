'use client';

import * as DialogPrimitive from '@radix-ui/react-dialog';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { overlayClasses } from '@/components/ui/dialog';
import { NavLinks } from './nav-links';

/** Below md: a "Menu" button that opens the navigation as a left drawer (a modal dialog). */
export function MobileNav() {
  const [open, setOpen] = useState(false);
  return (
    <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
      <DialogPrimitive.Trigger asChild>
        <Button variant="outline" className="md:hidden">
          Menu
        </Button>
      </DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className={`${overlayClasses} md:hidden`} />
        <DialogPrimitive.Content
          aria-describedby={undefined}
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-4 overflow-y-auto border-r bg-card p-3 shadow-lg motion-safe:data-[state=open]:animate-slide-in-left md:hidden"
        >
          <div className="flex items-center justify-between">
            <DialogPrimitive.Title className="px-3 text-lg font-semibold tracking-tight">CSMS</DialogPrimitive.Title>
            <DialogPrimitive.Close asChild>
              <Button variant="ghost">
                Close
              </Button>
            </DialogPrimitive.Close>
          </div>
          <nav aria-label="Main">
            <NavLinks onNavigate={() => setOpen(false)} />
          </nav>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
