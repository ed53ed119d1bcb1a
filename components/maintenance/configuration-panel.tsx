'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { CommandOutcome } from './command-outcome';
import { ConfigurationTable } from './configuration-table';
import { toConfigurationRead, useLastConfiguration } from './use-configuration';
import { useCommand } from './use-command';
import { commandBlocker, useStation } from './use-station';

/** Configuration tab: read keys (GetConfiguration §5.8), edit and apply them (ChangeConfiguration §5.3). */
export function ConfigurationPanel({ stationId, canSend }: { stationId: string; canSend: boolean }) {
  const { data: station } = useStation(stationId);
  const last = useLastConfiguration(stationId);
  const read = useCommand(stationId);
  const [keys, setKeys] = useState('');
  const blocker = commandBlocker(station?.station, canSend);
  const fresh = read.result?.command?.state === 'completed' ? toConfigurationRead(read.result.command) : null;
  const configuration = fresh ?? last.data ?? null;

  const readKeys = () => {
    const asked = keys.split(',').map((key) => key.trim()).filter(Boolean);
    void read.send('GetConfiguration', asked.length ? { key: asked } : {});
  };
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle as="h3">Read configuration</CardTitle>
          <CardDescription>Leave the keys empty to read all of them. Keys the station does not know are listed separately.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-wrap items-end gap-3">
          <div className="min-w-64 flex-1 space-y-1">
            <Label htmlFor="config-keys">Keys (comma-separated, optional)</Label>
            <Input id="config-keys" value={keys} placeholder="HeartbeatInterval, MeterValueSampleInterval" onChange={(event) => setKeys(event.target.value)} />
          </div>
          <Button onClick={readKeys} disabled={blocker !== null || read.pending}>
            {read.pending ? 'Reading…' : keys.trim() ? 'Read these keys' : 'Read all keys'}
          </Button>
          {blocker ? <span className="text-sm text-muted-foreground">{blocker}</span> : null}
          {read.result && read.result.command?.state !== 'completed' ? <CommandOutcome result={read.result} /> : null}
        </CardContent>
      </Card>
      {configuration ? (
        <>
          {configuration.unknownKeys.length > 0 ? (
            <Alert variant="info" title="Unknown keys">
              The station does not know: {configuration.unknownKeys.join(', ')}
            </Alert>
          ) : null}
          <ConfigurationTable stationId={stationId} configuration={configuration} blocker={blocker} />
        </>
      ) : (
        <p className="text-muted-foreground">{last.isLoading ? 'Loading…' : 'The configuration has not been read yet.'}</p>
      )}
    </div>
  );
}
