import type { VirtualStation } from './virtual-station';

/**
 * What a station does after accepting UpdateFirmware (OCPP 1.6 §5.19): download the file from
 * `location` (HTTP(S) for real; other schemes only pretended), install it, and report each step
 * with FirmwareStatusNotification. A download that fails reports DownloadFailed.
 */
export async function updateFirmware(station: VirtualStation, location: string): Promise<void> {
  await station.send('FirmwareStatusNotification', { status: 'Downloading' });
  let downloaded = true;
  if (/^https?:\/\//i.test(location)) {
    downloaded = await fetch(location).then(
      async (response) => response.ok && (await response.arrayBuffer()).byteLength > 0,
      () => false,
    );
  }
  if (!downloaded) {
    await station.send('FirmwareStatusNotification', { status: 'DownloadFailed' });
    return;
  }
  for (const status of ['Downloaded', 'Installing', 'Installed']) await station.send('FirmwareStatusNotification', { status });
}
