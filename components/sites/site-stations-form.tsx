'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { FormState } from '@/lib/actions/form-action';
import { FormMessage } from '@/components/forms/form-message';

export interface StationChoice {
  id: string;
  siteId: string | null;
  siteName: string | null;
}

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Tick the stations that belong to this site; saving moves ticked ones here and releases the rest. */
export function SiteStationsForm({ siteId, stations, action }: { siteId: string; stations: StationChoice[]; action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={siteId} />
      <div className="max-w-sm space-y-1.5">
        <Label htmlFor="station-filter">Find a station</Label>
        <Input id="station-filter" type="search" value={filter} onChange={(event) => setFilter(event.target.value)} placeholder="Station id" />
      </div>
      {stations.length === 0 ? <p className="text-sm text-muted-foreground">No station has connected yet.</p> : null}
      <fieldset className="grid max-h-96 gap-1 overflow-y-auto rounded-md border p-3 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="sr-only">Stations of this site</legend>
        {stations.map((station) => (
          // Filtered-out stations stay in the form (hidden) so saving never drops them by accident.
          <label key={station.id} className="flex min-h-9 items-center gap-2 text-sm" hidden={needle !== '' && !station.id.toLowerCase().includes(needle)}>
            <input type="checkbox" name="stationIds" value={station.id} defaultChecked={station.siteId === siteId} className="size-4" />
            <span className="font-mono">{station.id}</span>
            {station.siteId && station.siteId !== siteId ? <span className="text-xs text-muted-foreground">(now at {station.siteName})</span> : null}
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save stations'}
      </Button>
    </form>
  );
}
