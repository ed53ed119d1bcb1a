import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { requireUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { compareConfigurationKey, listStationModels } from '@/lib/db/queries/configuration';
import { getStationById } from '@/lib/db/queries/stations';

export const dynamic = 'force-dynamic';

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim().slice(0, 100) || undefined;

/** One configuration key across the stations of a model, from the stored GetConfiguration answers. */
export default async function CompareConfigurationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser();
  const db = getDb();
  const params = await searchParams;
  const stationId = first(params.station);
  const fromStation = stationId ? await getStationById(db, stationId) : undefined;
  const model = first(params.model) ?? fromStation?.model ?? undefined;
  const key = first(params.key);
  const [models, readings] = await Promise.all([listStationModels(db), model && key ? compareConfigurationKey(db, { model, key }) : Promise.resolve(null)]);
  return (
    <>
      <PageHeader title="Compare configuration" description="A key across every station of one model, as each station last answered GetConfiguration. Read a station's keys on its Configuration tab." />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3" aria-label="Compare a key">
        <div className="space-y-1.5">
          <Label htmlFor="compare-model">Model</Label>
          <NativeSelect id="compare-model" name="model" defaultValue={model ?? ''}>
            {models.map((entry) => (
              <option key={entry.model} value={entry.model}>{`${entry.model} (${entry.stations})`}</option>
            ))}
          </NativeSelect>
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="compare-key">Key</Label>
          <Input id="compare-key" name="key" defaultValue={key ?? ''} maxLength={50} placeholder="e.g. HeartbeatInterval" />
        </div>
        <Button type="submit">Compare</Button>
      </form>
      {readings === null ? null : readings.length === 0 ? (
        <EmptyState title="No station of this model" description="Stations report their model in BootNotification." />
      ) : (
        <Table aria-label={`${key} on ${model}`}>
          <THead>
            <Tr>
              <Th>Station</Th>
              <Th>Value</Th>
              <Th>Access</Th>
              <Th>Last read (UTC)</Th>
            </Tr>
          </THead>
          <TBody>
            {readings.map((reading) => (
              <Tr key={reading.stationId} data-station={reading.stationId}>
                <Td>
                  <Link className="underline-offset-2 hover:underline" href={`/stations/${encodeURIComponent(reading.stationId)}?tab=configuration`}>
                    {reading.stationId}
                  </Link>
                </Td>
                <Td className="font-mono text-xs break-all">{reading.unknown ? <Badge variant="warning">Unknown key</Badge> : (reading.value ?? '')}</Td>
                <Td>{reading.readonly === null ? '' : reading.readonly ? <Badge variant="muted">Read-only</Badge> : <Badge variant="outline">Read-write</Badge>}</Td>
                <Td className="whitespace-nowrap">{reading.readAt ? reading.readAt.toISOString().replace('T', ' ').slice(0, 19) : 'Never read'}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
