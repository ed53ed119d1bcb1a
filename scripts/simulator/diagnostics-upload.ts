import type { VirtualStation } from './virtual-station';

/**
 * What a station does after accepting GetDiagnostics (OCPP 1.6 §5.9): collect a log file and upload
 * it to `location` (a directory URL: the file name is appended), reporting progress with
 * DiagnosticsStatusNotification. HTTP(S) is uploaded for real with PUT; other schemes (ftp://) are
 * only pretended, as the simulator speaks no FTP.
 */
export async function uploadDiagnostics(station: VirtualStation, location: string, fileName: string): Promise<void> {
  await station.send('DiagnosticsStatusNotification', { status: 'Uploading' });
  let uploaded = true;
  if (/^https?:\/\//i.test(location)) {
    const url = `${location.replace(/\/+$/, '')}/${encodeURIComponent(fileName)}`;
    uploaded = await fetch(url, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: diagnosticsLog(station) }).then(
      (response) => response.ok,
      () => false,
    );
  }
  await station.send('DiagnosticsStatusNotification', { status: uploaded ? 'Uploaded' : 'UploadFailed' });
}

function diagnosticsLog(station: VirtualStation): string {
  const lines = [`station ${station.options.identity} diagnostics ${new Date().toISOString()}`];
  for (const connector of station.connectors) lines.push(`connector ${connector.id}: ${connector.status}, meter ${Math.round(connector.meterWh)} Wh`);
  for (const [key, entry] of station.config) lines.push(`config ${key}=${entry.value}${entry.readonly ? ' (readonly)' : ''}`);
  return `${lines.join('\n')}\n`;
}
