import { headers } from 'next/headers';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FormField } from '@/components/forms/form-field';
import { PageHeader } from '@/components/ui/page-header';
import { DriversNav } from '@/components/drivers/drivers-nav';
import { requireUser } from '@/lib/auth/session';
import { publicOrigin } from '@/lib/drivers/connector-qr';
import { loadStickers } from './sticker-connectors';

const pngHref = (stationId: string, connectorId: number) => `/drivers/stickers/png/${encodeURIComponent(stationId)}/${connectorId}`;

export default async function StickersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireUser();
  const station = (await searchParams).station?.trim() || undefined;
  const origin = publicOrigin(await headers());
  const stickers = await loadStickers(origin, station);
  const printHref = `/drivers/stickers/print${station ? `?station=${encodeURIComponent(station)}` : ''}`;
  return (
    <>
      <PageHeader
        title="Drivers & tags"
        description={`A QR sticker per connector: a driver scans it to open ${origin}/c/{station}/{connector} on their phone.`}
        actions={
          stickers.length > 0 ? (
            <Button asChild>
              <a href={printHref} target="_blank" rel="noopener">
                Print these stickers
              </a>
            </Button>
          ) : null
        }
      />
      <DriversNav current="/drivers/stickers" />
      <div className="min-w-0 space-y-6">
        <form method="get" className="grid gap-3 sm:grid-cols-3 sm:items-end" aria-label="Choose a station">
          <FormField name="station" label="Station" defaultValue={station} placeholder="All stations" />
          <Button type="submit">Show</Button>
        </form>
        {stickers.length === 0 ? (
          <EmptyState title="No connectors" description="Connectors appear once a station has reported them (StatusNotification)." />
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="QR stickers">
            {stickers.map((sticker) => (
              <li key={sticker.link} className="flex flex-col items-center gap-2 rounded-lg border p-4 text-center" data-sticker={`${sticker.stationId}/${sticker.connectorId}`}>
                <div className="w-40" role="img" aria-label={`QR code for ${sticker.link}`} dangerouslySetInnerHTML={{ __html: sticker.svg }} />
                <div className="font-medium">
                  {sticker.stationId} · connector {sticker.connectorId}
                </div>
                <div className="break-all text-xs text-muted-foreground">{sticker.link}</div>
                <Button asChild size="sm" variant="outline">
                  <a href={pngHref(sticker.stationId, sticker.connectorId)} download>
                    PNG
                  </a>
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
