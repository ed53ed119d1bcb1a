import { inflateSync } from 'node:zlib';

/**
 * The text a PDF from pdf-lib draws with a standard font: its content streams inflated, and the
 * hex strings of the Tj operators decoded (WinAnsi: Latin-1 plus the few specials the invoices use).
 */
const WIN_ANSI_SPECIALS: Record<string, string> = { '\x80': '€', '\x95': '•', '\x96': '–', '\x97': '—' };
const decode = (hex: string) => Buffer.from(hex, 'hex').toString('latin1').replace(/[\x80-\x9f]/g, (c) => WIN_ANSI_SPECIALS[c] ?? c);

export function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('latin1');
  const texts: string[] = [];
  for (const [, body] of raw.matchAll(/>>\s*stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const data = Buffer.from(body!, 'latin1');
    let content: string;
    try {
      content = inflateSync(data).toString('latin1');
    } catch {
      content = body!;
    }
    for (const match of content.matchAll(/<([0-9A-Fa-f]*)> Tj/g)) texts.push(decode(match[1]!));
  }
  return texts.join('\n');
}
