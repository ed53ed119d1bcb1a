import { requireRole } from '@/lib/auth/session';
import { publicOrigin } from '@/lib/drivers/connector-qr';
import { loadStickers } from '../sticker-connectors';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A page of its own (no app chrome) laid out for A4 stickers: 6 cm codes, two columns, no card split over pages. */
export async function GET(request: Request) {
  await requireRole('viewer');
  const station = new URL(request.url).searchParams.get('station')?.trim() || undefined;
  const stickers = await loadStickers(publicOrigin(request.headers), station);
  const items = stickers
    .map(
      (sticker) => `<figure class="sticker">${sticker.svg}<figcaption><strong>Scan to charge</strong><span>${escapeHtml(sticker.stationId)} · connector ${sticker.connectorId}</span><small>${escapeHtml(sticker.link)}</small></figcaption></figure>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>QR stickers${station ? ` · ${escapeHtml(station)}` : ''}</title>
<style>
  @page { size: A4; margin: 12mm; }
  body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #000; }
  .bar { padding: 12px; } @media print { .bar { display: none; } }
  .sheet { display: grid; grid-template-columns: repeat(2, 1fr); gap: 8mm; padding: 0 12px; }
  .sticker { break-inside: avoid; border: 1px dashed #999; border-radius: 4mm; margin: 0; padding: 6mm; text-align: center; }
  .sticker svg { width: 60mm; height: 60mm; }
  figcaption { display: flex; flex-direction: column; gap: 1mm; }
  figcaption strong { font-size: 18px; } small { color: #444; word-break: break-all; }
</style></head>
<body><div class="bar"><button onclick="window.print()">Print</button> ${stickers.length} sticker${stickers.length === 1 ? '' : 's'}</div>
<main class="sheet">${items || '<p>No connectors reported yet.</p>'}</main></body></html>`;
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}
