import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { connectorLink, connectorQrPng, connectorQrSvg } from '@/lib/drivers/connector-qr';

describe('connector QR stickers', () => {
  it('link to /c/{stationId}/{connectorId} on this server, the station id escaped', () => {
    expect(connectorLink('https://csms.example.com', 'CP-1', 2)).toBe('https://csms.example.com/c/CP-1/2');
    expect(connectorLink('http://10.0.0.5:3000', 'A/B #1', 1)).toBe('http://10.0.0.5:3000/c/A%2FB%20%231/1');
  });

  it('the PNG decodes (as a phone camera would) to exactly that link', async () => {
    const link = connectorLink('https://csms.example.com', 'DEPOT-CP-17', 3);
    const png = PNG.sync.read(await connectorQrPng(link));
    expect(png.width).toBe(600);
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(link);
  });

  it('the SVG for the print page is a standalone square drawing', async () => {
    const svg = await connectorQrSvg('https://csms.example.com/c/CP-1/1');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 (\d+) \1"/);
  });
});
