import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { routeClient } from '../sites/route-client';
import { addEnergyReadings, addStations, energyAndParking, startSession, stopSession, utc } from '../billing/fixtures';
import { pdfText } from './pdf-text';
import * as invoicesRoute from '@/app/api/v1/invoices/route';
import * as invoicesCsvRoute from '@/app/api/v1/invoices.csv/route';
import * as invoiceRoute from '@/app/api/v1/invoices/[id]/route';
import * as creditRoute from '@/app/api/v1/invoices/[id]/credit-note/route';
import * as issueRoute from '@/app/api/v1/transactions/[id]/invoice/route';
import { systemActor } from '@/lib/auth/roles';
import { assignTariff } from '@/lib/tariffs/assign-tariff';
import { createTariff } from '@/lib/tariffs/create-tariff';

let t: TestDatabase;
let api: Awaited<ReturnType<typeof routeClient>>;
let transactionId: number;
beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t);
  await addStations(t.db, 'REST-1');
  const tariffId = (await createTariff(t.db, systemActor, { name: 'Energy', tariff: energyAndParking }, utc('00:00', '2026-01-01'))).id;
  await assignTariff(t.db, systemActor, tariffId, { stationId: 'REST-1' }, utc('00:00', '2026-01-01'));
  const session = await startSession(t.db, { stationId: 'REST-1', startedAt: utc('09:00'), meterStart: 0 });
  await addEnergyReadings(t.db, session, [[utc('09:30'), 5000]]);
  transactionId = (await stopSession(t.db, session, utc('09:30'), 5000)).id;
});
afterAll(async () => {
  await api?.close();
  await t?.drop();
});

/** Route handlers answer the raw Response for files: read it without JSON parsing. */
async function raw(handler: typeof invoiceRoute.GET, path: string, id: string) {
  const { createApiToken } = await import('@/lib/api-tokens/create-api-token');
  const { token } = await createApiToken(t.db, systemActor, { name: `raw-${Math.random()}`, role: 'viewer' });
  return handler(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id }) });
}

describe('invoices over REST', () => {
  let invoiceId: string;

  it('issues a session’s invoice (operator), once; viewers may not', async () => {
    const params = { id: String(transactionId) };
    expect((await api.call(issueRoute.POST, { role: 'viewer', params, body: {} })).status).toBe(403);
    const issued = await api.call(issueRoute.POST, { role: 'operator', params, body: {} });
    // 5 kWh × €0.30 = €1.50 + €1.00 fee = €2.50 net; VAT 19 % per line: €0.29 + €0.19.
    expect(issued).toMatchObject({ status: 201, body: { number: expect.stringMatching(/^INV-\d{4}-000001$/), net: 250, vat: 48, gross: 298, transactionId } });
    invoiceId = issued.body.id as string;
    expect((await api.call(issueRoute.POST, { role: 'operator', params, body: {} })).body.id).toBe(invoiceId);
    expect((await api.call(issueRoute.POST, { role: 'operator', params: { id: 'x' }, body: {} })).body.error?.field).toBe('id');
  });

  it('reads it with its lines, lists it, and 404s an unknown one', async () => {
    const one = await api.call(invoiceRoute.GET, { role: 'viewer', params: { id: invoiceId } });
    expect(one.body).toMatchObject({ id: invoiceId, lines: [{ component: 'FLAT', gross: 119 }, { component: 'ENERGY', quantity: 5, unit: 'kWh', gross: 179 }] });
    expect((await api.call(invoiceRoute.GET, { role: 'viewer', params: { id: '00000000-0000-4000-8000-000000000000' } })).status).toBe(404);
    const list = await api.call(invoicesRoute.GET, { role: 'viewer' });
    expect(list.body.data).toEqual([expect.objectContaining({ id: invoiceId, creditedBy: null })]);
    expect((await api.call(invoicesRoute.GET, { role: 'viewer', path: '/api/v1/invoices?from=yesterday' })).body.error?.field).toBe('from');
  });

  it('serves the PDF at /api/v1/invoices/{id}.pdf and the CSV at /api/v1/invoices.csv', async () => {
    const pdf = await raw(invoiceRoute.GET, `/api/v1/invoices/${invoiceId}.pdf`, `${invoiceId}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/attachment; filename="INV-\d{4}-000001\.pdf"/);
    expect(pdfText(new Uint8Array(await pdf.arrayBuffer()))).toContain('€2.98');
    const csv = await raw(invoicesCsvRoute.GET as typeof invoiceRoute.GET, '/api/v1/invoices.csv', '');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await csv.text()).split('\r\n')[1]).toMatch(/,EUR,2\.50,0\.48,2\.98$/);
  });

  it('credits it (admin only, reason required), after which it shows the credit note', async () => {
    const params = { id: invoiceId };
    expect((await api.call(creditRoute.POST, { role: 'operator', params, body: { reason: 'x' } })).status).toBe(403);
    expect((await api.call(creditRoute.POST, { role: 'admin', params, body: {} })).body.error?.field).toBe('reason');
    const note = await api.call(creditRoute.POST, { role: 'admin', params, body: { reason: 'Goodwill' } });
    expect(note).toMatchObject({ status: 201, body: { number: expect.stringMatching(/^CN-\d{4}-000001$/), gross: -298, creditsInvoiceId: invoiceId } });
    expect((await api.call(creditRoute.POST, { role: 'admin', params, body: { reason: 'again' } })).status).toBe(409);
    expect((await api.call(invoiceRoute.GET, { role: 'viewer', params })).body.creditedBy).toBe(note.body.number);
  });
});
