'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/components/live/api-fetch';
import type { CommandView } from '@/lib/commands/command-result';

export interface ConfigurationKey {
  key: string;
  readonly: boolean;
  value?: string;
}
export interface ConfigurationRead {
  keys: ConfigurationKey[];
  unknownKeys: string[];
  readAt: string;
  /** The keys asked for; empty = all. */
  asked: string[];
}

/** The last GetConfiguration the station answered (§5.8), from the command history: no need to ask again on every visit. */
export function useLastConfiguration(stationId: string) {
  return useQuery({
    queryKey: ['commands', stationId, 'GetConfiguration'],
    queryFn: async (): Promise<ConfigurationRead | null> => {
      const path = `/api/v1/stations/${encodeURIComponent(stationId)}/commands?action=GetConfiguration&state=completed&limit=1`;
      const [last] = (await fetchJson<{ data: CommandView[] }>(path)).data;
      return last ? toConfigurationRead(last) : null;
    },
  });
}

export function toConfigurationRead(command: CommandView): ConfigurationRead {
  const response = (command.response ?? {}) as { configurationKey?: ConfigurationKey[]; unknownKey?: string[] };
  return {
    keys: [...(response.configurationKey ?? [])].sort((a, b) => a.key.localeCompare(b.key)),
    unknownKeys: response.unknownKey ?? [],
    readAt: command.finishedAt ?? command.createdAt,
    asked: ((command.payload as { key?: string[] } | null)?.key ?? []).slice(),
  };
}
