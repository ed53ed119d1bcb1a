'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { FieldError } from '@/components/ui/field-error';
import { setCredentialsAction, setRegistrationAction } from '@/app/(dashboard)/stations/[stationId]/actions';
import type { StationDetailJson } from './station-detail-view';

/** Registration and credentials (OCPP security profiles 0–2). Read-only unless the user is an admin. */
export function StationAdminPanel({ station, canAdminister }: { station: StationDetailJson['station']; canAdminister: boolean }) {
  const [registration, registrationAction, registering] = useActionState(setRegistrationAction, {});
  const [credentials, credentialsAction, saving] = useActionState(setCredentialsAction, {});
  return (
    <Card>
      <CardHeader>
        <CardTitle>Registration and credentials</CardTitle>
        <CardDescription>
          Registration: <strong>{station.registrationStatus}</strong>. Security profile <strong>{station.securityProfile}</strong>
          {station.securityProfile > 0 ? ` (HTTP Basic${station.securityProfile === 2 ? ' over TLS' : ''}, password ${station.hasPassword ? 'set' : 'missing'})` : ' (no authentication)'}.
          {canAdminister ? '' : ' Only admins can change these.'}
        </CardDescription>
      </CardHeader>
      {canAdminister ? (
        <CardContent className="space-y-6">
          {registration.message ? <Alert variant={registration.ok ? 'success' : 'error'}>{registration.message}</Alert> : null}
          {station.registrationStatus !== 'accepted' ? (
            <form action={registrationAction} className="flex flex-wrap gap-2">
              <input type="hidden" name="stationId" value={station.id} />
              <Button type="submit" name="status" value="accepted" disabled={registering}>
                Accept station
              </Button>
              {station.registrationStatus === 'pending' ? (
                <Button type="submit" name="status" value="rejected" variant="destructive" disabled={registering}>
                  Reject
                </Button>
              ) : null}
            </form>
          ) : null}
          <form action={credentialsAction} className="grid gap-3 sm:grid-cols-2">
            {credentials.message ? (
              <div className="sm:col-span-2">
                <Alert variant={credentials.ok ? 'success' : 'error'}>{credentials.message}</Alert>
              </div>
            ) : null}
            {credentials.result?.password ? (
              <div className="space-y-1 sm:col-span-2">
                <Label htmlFor="station-password-shown">Station password</Label>
                <Input id="station-password-shown" readOnly value={credentials.result.password} className="font-mono" />
              </div>
            ) : null}
            <input type="hidden" name="stationId" value={station.id} />
            <div className="space-y-1">
              <Label htmlFor="securityProfile">Security profile</Label>
              <NativeSelect id="securityProfile" name="securityProfile" defaultValue={String(station.securityProfile)}>
                <option value="0">0 — no authentication</option>
                <option value="1">1 — HTTP Basic password</option>
                <option value="2">2 — TLS + HTTP Basic password</option>
              </NativeSelect>
            </div>
            <div className="space-y-1">
              <Label htmlFor="station-password">Password (empty: generate one)</Label>
              <Input id="station-password" name="password" type="password" autoComplete="new-password" aria-describedby="station-password-error" />
              <FieldError id="station-password-error" errors={credentials.fieldErrors?.password} />
            </div>
            <div className="sm:col-span-2">
              <Button type="submit" variant="outline" disabled={saving}>
                Save credentials
              </Button>
            </div>
          </form>
        </CardContent>
      ) : null}
    </Card>
  );
}
