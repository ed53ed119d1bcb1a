import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { routeClient } from '../sites/route-client';
import * as idTagsCsvRoute from '@/app/api/v1/id-tags.csv/route';
import * as driversCsvRoute from '@/app/api/v1/drivers.csv/route';
import * as bulkRoute from '@/app/api/v1/id-tags-bulk/route';
import { listIdTags } from '@/lib/db/queries/id-tags';
import { listAuditEntries } from '@/lib/db/queries/audit-log';
import { createApiToken } from '@/lib/api-tokens/create-api-token';
import { systemActor } from '@/lib/auth/roles';

let t: TestDatabase;
let api: Awaited<ReturnType<typeof routeClient>>;
const tokens = { operator: '', viewer: '' };
const csv = (...lines: string[]) => lines.join('\n') + '\n';
const values = async () => (await listIdTags(t.db, { limit: 1000 })).rows.map((row) => `${row.idTag}:${row.status}`).sort();

/** The CSV routes answer text, not JSON: call them with a raw Request. */
async function raw(handler: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>, init: { method?: string; body?: string; role: 'operator' | 'viewer' }) {
  const token = tokens[init.role];
  const response = await handler(new Request('http://localhost/api/v1/x.csv', { method: init.method ?? 'GET', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: init.body }), {
    params: Promise.resolve({}),
  });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t);
  for (const role of ['operator', 'viewer'] as const) tokens[role] = (await createApiToken(t.db, systemActor, { name: `csv-${role}`, role })).token;
});
afterAll(async () => {
  const { getBus } = await import('@/lib/bus/get-bus');
  await getBus().close();
  await api?.close();
  await t?.drop();
});

describe('id tags CSV over REST', () => {
  it('imports all rows, then exports them in the same columns', async () => {
    const drivers = await raw(driversCsvRoute.POST, { method: 'POST', role: 'operator', body: csv('name,email', 'Rita Rest,rita@example.com') });
    expect(JSON.parse(drivers.text)).toEqual({ ok: true, created: 1, updated: 0, issues: [] });
    const imported = await raw(idTagsCsvRoute.POST, {
      method: 'POST',
      role: 'operator',
      body: csv('idTag,status,parentIdTag,driverEmail', 'FLEET-1,Accepted,,', 'CARD-1,Accepted,FLEET-1,rita@example.com', 'CARD-2,Blocked,FLEET-1,'),
    });
    expect(imported).toMatchObject({ status: 200 });
    expect(JSON.parse(imported.text)).toEqual({ ok: true, created: 3, updated: 0, issues: [] });
    expect(await values()).toEqual(['CARD-1:Accepted', 'CARD-2:Blocked', 'FLEET-1:Accepted']);

    const exported = await raw(idTagsCsvRoute.GET, { role: 'viewer' });
    expect(exported.status).toBe(200);
    expect(exported.type).toBe('text/csv; charset=utf-8');
    const [header, ...lines] = exported.text.trim().split(/\r?\n/);
    expect(header).toBe('idTag,status,expiryDate,parentIdTag,maxActiveTransactions,driverId,driverEmail,sites,label');
    expect(lines.map((line) => line.split(',').slice(0, 2).join(':')).sort()).toEqual(['CARD-1:Accepted', 'CARD-2:Blocked', 'FLEET-1:Accepted']);
    // The export imports back unchanged: every row is an update.
    expect(JSON.parse((await raw(idTagsCsvRoute.POST, { method: 'POST', role: 'operator', body: exported.text })).text)).toMatchObject({ ok: true, created: 0, updated: 3 });
  });

  it('refuses the whole file with a 400 naming the row and field of each bad row', async () => {
    const refused = await raw(idTagsCsvRoute.POST, {
      method: 'POST',
      role: 'operator',
      body: csv('idTag,status,parentIdTag', 'NEW-OK,Accepted,', 'THIS-VALUE-IS-FAR-TOO-LONG,Accepted,', 'NEW-2,Lost,', 'NEW-3,Accepted,NOBODY'),
    });
    expect(refused.status).toBe(400);
    const { error } = JSON.parse(refused.text) as { error: { code: string; field: string; row: number; message: string; issues: { row: number; field: string }[] } };
    expect(error).toMatchObject({ code: 'invalid_csv', row: 3, field: 'idTag' });
    expect(error.message).toMatch(/^Nothing was imported: 3 problem\(s\)\. Row 3, idTag: /);
    expect(error.issues.map((issue) => [issue.row, issue.field])).toEqual([
      [3, 'idTag'],
      [4, 'status'],
      [5, 'parentIdTag'],
    ]);
    expect(await values()).not.toContain('NEW-OK:Accepted');
    expect((await raw(idTagsCsvRoute.POST, { method: 'POST', role: 'operator', body: '' })).status).toBe(400);
    expect((await raw(idTagsCsvRoute.POST, { method: 'POST', role: 'viewer', body: csv('idTag,status', 'V-1,Accepted') })).status).toBe(403);
  });

  it('blocks and unblocks in bulk, all or none, naming an unknown tag by its index', async () => {
    const bulk = (body: unknown, role: 'operator' | 'viewer' = 'operator') => api.call(bulkRoute.POST, { role, body });
    expect(await bulk({ action: 'block', idTags: ['CARD-1', 'CARD-2'] })).toEqual({ status: 200, body: { changed: ['CARD-1'] } });
    expect((await bulk({ action: 'unblock', idTags: ['CARD-1', 'GHOST'] })).body.error).toMatchObject({ field: 'idTags.1', message: 'idTags.1: no tag GHOST is registered' });
    expect(await values()).toContain('CARD-1:Blocked');
    expect((await bulk({ action: 'remove', idTags: ['CARD-1'] })).body.error).toMatchObject({ field: 'action' });
    expect((await bulk({ action: 'block', idTags: [] })).body.error).toMatchObject({ field: 'idTags' });
    expect((await bulk({ action: 'block', idTags: ['CARD-1'] }, 'viewer')).status).toBe(403);
    expect(await bulk({ action: 'unblock', idTags: ['CARD-1', 'CARD-2'] })).toEqual({ status: 200, body: { changed: ['CARD-1', 'CARD-2'] } });
    const audit = await listAuditEntries(t.db, { action: 'id_tag.update' });
    expect(audit.filter((entry) => entry.detail === 'bulk unblock').map((entry) => entry.targetId).sort()).toEqual(['CARD-1', 'CARD-2']);
  });
});
