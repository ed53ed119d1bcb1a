import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { systemActor } from '@/lib/auth/roles';
import { listDrivers } from '@/lib/db/queries/drivers';
import { listIdTags, listSiteNames } from '@/lib/db/queries/id-tags';
import { parseCsv } from '@/lib/drivers/csv';
import { driversToCsv } from '@/lib/drivers/driver-csv';
import { importDrivers } from '@/lib/drivers/import-drivers';
import { createIdTag } from '@/lib/id-tags/create-id-tag';
import { idTagsToCsv } from '@/lib/id-tags/id-tag-csv';
import { importIdTags } from '@/lib/id-tags/import-id-tags';
import { createSite } from '@/lib/sites/create-site';


let t: TestDatabase;
const csv = (...lines: string[]) => lines.join('\n') + '\n';
const tagValues = async () => (await listIdTags(t.db, { limit: 1000 })).rows.map((row) => row.idTag);

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url; // publishIdTagsUpdated uses the process-wide bus
  await createSite(t.db, systemActor, { name: 'Depot North', timeZone: 'UTC', addressLine: null, postalCode: null, city: null, country: null, latitude: null, longitude: null });
});
afterAll(async () => {
  const { getBus } = await import('@/lib/bus/get-bus');
  const { getDb } = await import('@/lib/db/client');
  await getBus().close();
  await getDb().$client.end();
  await t?.drop();
});

describe('CSV import of drivers', () => {
  it('imports nothing when any row is bad, and names every bad row and column', async () => {
    const report = await importDrivers(
      t.db,
      systemActor,
      csv('name,email,phone,company', 'Ana Ruiz,ana@example.com,+34 600,Acme', ',nobody@example.com,,', 'Bo Berg,not-an-email,,Acme', 'Cy Chen,ANA@example.com,,'),
    );
    expect(report).toEqual({
      ok: false,
      created: 0,
      updated: 0,
      issues: [
        { row: 3, field: 'name', message: 'is required' },
        { row: 4, field: 'email', message: 'must be a valid email address' },
        { row: 5, field: 'email', message: 'ana@example.com is on row 2 already' },
      ],
    });
    expect((await listDrivers(t.db)).total).toBe(0);
  });

  it('creates, then updates by id (an exported file imported again)', async () => {
    const first = await importDrivers(t.db, systemActor, csv('name,email,company,status', 'Ana Ruiz,ana@example.com,Acme,active', '"Berg, Bo",,Acme,blocked'));
    expect(first).toEqual({ ok: true, created: 2, updated: 0, issues: [] });
    const exported = driversToCsv((await listDrivers(t.db)).rows);
    expect(exported.split('\r\n')[0]).toBe('id,name,email,phone,status,company,notes');
    expect(exported).toContain('"Berg, Bo"');
    const edited = exported.replace('Ana Ruiz', 'Ana Ruiz-Lopez');
    expect(await importDrivers(t.db, systemActor, edited)).toEqual({ ok: true, created: 0, updated: 2, issues: [] });
    expect((await listDrivers(t.db)).rows.map((d) => d.name).sort()).toEqual(['Ana Ruiz-Lopez', 'Berg, Bo']);
  });

  it('reports unknown and missing columns on row 1, an unknown id, and an unreadable file', async () => {
    expect((await importDrivers(t.db, systemActor, csv('nom,email', 'x,y'))).issues).toEqual([
      { row: 1, field: 'nom', message: 'is not a column; the columns are id, name, email, phone, status, company, notes' },
      { row: 1, field: 'name', message: 'is a required column' },
    ]);
    expect((await importDrivers(t.db, systemActor, csv('id,name', '00000000-0000-4000-8000-000000000000,Ghost'))).issues).toEqual([{ row: 2, field: 'id', message: 'no driver has this id' }]);
    expect((await importDrivers(t.db, systemActor, csv('name', '"unclosed'))).issues[0]).toMatchObject({ row: 2, field: null });
  });
});

describe('CSV import of id tags', () => {
  it('imports nothing when any row is bad: per-row report of duplicates, bad values, unknown parents, drivers and sites, cycles, past expiry', async () => {
    await createIdTag(t.db, systemActor, { idTag: 'EXISTING', status: 'Accepted' });
    const before = await tagValues();
    const report = await importIdTags(
      t.db,
      systemActor,
      csv(
        'idTag,status,expiryDate,parentIdTag,maxActiveTransactions,driverEmail,sites',
        'GOOD-1,Accepted,,,,ana@example.com,Depot North',
        'GOOD-1,Accepted,,,,,',
        'TOO-LONG-TAG-VALUE-123,Accepted,,,,,',
        'BAD-STATUS,Maybe,,,,,',
        'OLD,Accepted,2020-01-01,,,,',
        'ORPHAN,Accepted,,NOBODY,,,',
        'LOOP-1,Accepted,,LOOP-2,,,',
        'LOOP-2,Accepted,,LOOP-1,,,',
        'NO-DRIVER,Accepted,,,,ghost@example.com,',
        'NO-SITE,Accepted,,,,,Atlantis',
        'BAD-MAX,Accepted,,,two,,',
        'EXISTING,Blocked,,,,,',
      ),
    );
    expect(report.ok).toBe(false);
    expect(report.issues).toEqual([
      { row: 3, field: 'idTag', message: 'GOOD-1 is on row 2 already' },
      { row: 4, field: 'idTag', message: 'must be at most 20 characters (OCPP idToken)' },
      { row: 5, field: 'status', message: 'must be one of Accepted, Blocked, Expired' },
      { row: 6, field: 'expiryDate', message: 'must be in the future (to end a tag now, set its status to Expired)' },
      { row: 7, field: 'parentIdTag', message: 'no tag NOBODY is registered or in this file' },
      { row: 8, field: 'parentIdTag', message: 'LOOP-2 leads back to LOOP-1: a cycle' },
      { row: 9, field: 'parentIdTag', message: 'LOOP-1 leads back to LOOP-2: a cycle' },
      { row: 10, field: 'driverEmail', message: 'no driver has the email ghost@example.com' },
      { row: 11, field: 'sites', message: 'no site is called Atlantis' },
      { row: 12, field: 'maxActiveTransactions', message: 'must be a whole number' },
    ]);
    expect(await tagValues()).toEqual(before);
    expect((await listIdTags(t.db, { search: 'EXISTING' })).rows[0]?.status).toBe('Accepted');
  });

  it('imports a good file in one go: parents later in the file, drivers by email, sites by name, updates by value', async () => {
    const report = await importIdTags(
      t.db,
      systemActor,
      csv(
        'idTag,status,expiryDate,parentIdTag,maxActiveTransactions,driverEmail,sites,label',
        'KID-1,Accepted,2099-12-31,GROUP-1,unlimited,ana@example.com,Depot North,=1+1',
        'GROUP-1,Accepted,,,,,,fleet group',
        'EXISTING,Blocked,,,3,,,',
      ),
    );
    expect(report).toEqual({ ok: true, created: 2, updated: 1, issues: [] });
    const rows = (await listIdTags(t.db, { limit: 1000 })).rows;
    const kid = rows.find((row) => row.idTag === 'KID-1')!;
    expect(kid).toMatchObject({ parentIdTag: 'GROUP-1', maxConcurrentTx: null, driverEmail: 'ana@example.com', allSites: false, label: '=1+1', expiresAt: new Date('2099-12-31T23:59:59Z') });
    expect(rows.find((row) => row.idTag === 'EXISTING')).toMatchObject({ status: 'Blocked', maxConcurrentTx: 3 });

    const exported = idTagsToCsv(rows, new Map((await listSiteNames(t.db)).map((site) => [site.id, site.name])));
    const line = exported.split('\r\n').find((l) => l.startsWith('KID-1'))!;
    expect(line).toContain(",unlimited,");
    expect(line).toContain(",Depot North,'=1+1");
    expect(parseCsv(exported, ['idTag', 'status', 'expiryDate', 'parentIdTag', 'maxActiveTransactions', 'driverId', 'driverEmail', 'sites', 'label'], []).rows[0]?.cells.label).toBeDefined();
    expect(await importIdTags(t.db, systemActor, exported)).toEqual({ ok: true, created: 0, updated: 3, issues: [] });
    expect((await listIdTags(t.db, { search: 'KID-1' })).rows[0]).toMatchObject({ label: '=1+1', allSites: false, maxConcurrentTx: null });
  });
});
