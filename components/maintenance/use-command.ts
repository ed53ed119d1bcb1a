'use client';

import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { sendCommandAction, type CommandActionResult } from '@/app/(dashboard)/stations/[stationId]/command-actions';
import type { CommandAction } from '@/lib/commands/command-catalog';

/** Sends one command at a time for a card or form, and keeps its last outcome to show. */
export function useCommand(stationId: string) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<CommandActionResult | null>(null);
  async function send(action: CommandAction, payload: Record<string, unknown>, timeoutS?: number): Promise<CommandActionResult> {
    setPending(true);
    setResult(null);
    try {
      const outcome = await sendCommandAction({ stationId, action, payload, timeoutS }).catch(
        (error: Error): CommandActionResult => ({ error: error.message || 'The command could not be sent' }),
      );
      setResult(outcome);
      void queryClient.invalidateQueries({ queryKey: ['commands', stationId] });
      return outcome;
    } finally {
      setPending(false);
    }
  }
  return { send, pending, result };
}
