'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import type { FormState } from '@/lib/actions/form-action';
import { FormMessage } from '@/components/forms/form-message';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Assign to a site, a station, or one connector of a station. */
export function AssignTariffForm({ tariffId, sites, stationIds, action }: { tariffId: string; sites: { id: string; name: string }[]; stationIds: string[]; action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  const [scope, setScope] = useState<'site' | 'station' | 'connector'>(sites.length > 0 ? 'site' : 'station');
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="grid items-end gap-3 sm:grid-cols-4" aria-label="Assign tariff">
      <FormMessage state={state} className="sm:col-span-4" />
      <input type="hidden" name="tariffId" value={tariffId} />
      <div className="space-y-1.5">
        <Label htmlFor="assign-scope">Apply to</Label>
        <NativeSelect id="assign-scope" name="scope" value={scope} onChange={(event) => setScope(event.target.value as typeof scope)}>
          <option value="site">A site</option>
          <option value="station">A station</option>
          <option value="connector">One connector</option>
        </NativeSelect>
      </div>
      {scope === 'site' ? (
        <div className="space-y-1.5">
          <Label htmlFor="assign-site">Site</Label>
          <NativeSelect id="assign-site" name="siteId" aria-describedby="assign-site-error">
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </NativeSelect>
          <FieldError id="assign-site-error" errors={errors.siteId} />
        </div>
      ) : (
        <div className="space-y-1.5">
          <Label htmlFor="assign-station">Station</Label>
          <NativeSelect id="assign-station" name="stationId" aria-describedby="assign-station-error">
            {stationIds.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </NativeSelect>
          <FieldError id="assign-station-error" errors={errors.stationId} />
        </div>
      )}
      {scope === 'connector' ? (
        <div className="space-y-1.5">
          <Label htmlFor="assign-connector">Connector</Label>
          <Input id="assign-connector" name="connectorId" inputMode="numeric" aria-describedby="assign-connector-error" />
          <FieldError id="assign-connector-error" errors={errors.connectorId} />
        </div>
      ) : null}
      <Button type="submit" disabled={pending || (scope === 'site' ? sites.length === 0 : stationIds.length === 0)}>
        Assign
      </Button>
    </form>
  );
}
