import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { addStations, energyAndParking, flatTariff, utc } from '../billing/fixtures';
import { systemActor } from '@/lib/auth/roles';
import { listAuditEntries } from '@/lib/db/queries/audit-log';
import { listTariffVersions } from '@/lib/db/queries/tariffs';
import { assignSiteStations } from '@/lib/sites/assign-site-stations';
import { createSite } from '@/lib/sites/create-site';
import { createSiteSchema } from '@/lib/sites/schemas';
import { assignTariff } from '@/lib/tariffs/assign-tariff';
import { createTariff } from '@/lib/tariffs/create-tariff';
import { listTariffs } from '@/lib/tariffs/get-tariff';
import { removeTariffAssignment } from '@/lib/tariffs/remove-tariff-assignment';
import { resolveTariffAt } from '@/lib/tariffs/resolve-tariff';
import { updateTariff } from '@/lib/tariffs/update-tariff';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await addStations(t.db, 'CP-1', 'CP-2');
});
afterAll(() => t?.drop());

const nameAt = async (stationId: string, connectorId: number, siteId: string | null, at: Date) => {
  const resolution = await resolveTariffAt(t.db, { stationId, connectorId, siteId, at });
  return resolution.found ? `${resolution.candidate.tariffName} v${resolution.candidate.version.version} (${resolution.candidate.scope})` : resolution.code;
};

describe('tariff versions', () => {
  it('creates version 1 and adds a version only when the prices change', async () => {
    const created = await createTariff(t.db, systemActor, { name: 'Standard', tariff: { ...energyAndParking, id: 'ignored' } }, utc('00:00', '2026-01-01'));
    expect(created).toMatchObject({ name: 'Standard', version: 1, is_default: false, currency: 'EUR', last_updated: '2026-01-01T00:00:00.000Z' });
    expect(created.id).not.toBe('ignored');

    const renamed = await updateTariff(t.db, systemActor, created.id, { name: 'Standard AC', ocpi: { currency: 'EUR' } }, utc('01:00', '2026-01-01'));
    expect(renamed).toMatchObject({ name: 'Standard AC', version: 1 });

    const repriced = await updateTariff(t.db, systemActor, created.id, { ocpi: { parking_grace_seconds: null, min_price: { excl_vat: 2 } } }, utc('02:00', '2026-01-01'));
    expect(repriced).toMatchObject({ version: 2, min_price: { excl_vat: 2 } });
    expect(repriced).not.toHaveProperty('parking_grace_seconds');
    expect((await listTariffVersions(t.db, created.id)).map((v) => v.version)).toEqual([2, 1]);
  });

  it('checks the patched tariff as a whole and names the field', async () => {
    const [tariff] = await listTariffs(t.db);
    await expect(updateTariff(t.db, systemActor, tariff!.id, { ocpi: { max_price: { excl_vat: 1 } } })).rejects.toMatchObject({
      status: 400,
      field: 'max_price.excl_vat',
      message: 'max_price.excl_vat: must be ≥ min_price.excl_vat',
    });
    await expect(createTariff(t.db, systemActor, { name: 'standard ac', tariff: energyAndParking })).rejects.toMatchObject({ status: 409, field: 'name' });
  });

  it('keeps one default: making another the default unflags the first', async () => {
    const a = await createTariff(t.db, systemActor, { name: 'Default A', isDefault: true, tariff: flatTariff(1) }, utc('00:00', '2026-01-02'));
    const b = await createTariff(t.db, systemActor, { name: 'Default B', isDefault: true, tariff: flatTariff(2) }, utc('00:00', '2026-01-03'));
    const flags = Object.fromEntries((await listTariffs(t.db)).map((tariff) => [tariff.name, tariff.is_default]));
    expect(flags).toEqual({ 'Standard AC': false, 'Default A': false, 'Default B': true });
    expect(await nameAt('CP-1', 1, null, utc('12:00', '2026-01-02'))).toBe('Default A v1 (default)');
    expect(await nameAt('CP-1', 1, null, utc('12:00', '2026-01-03'))).toBe('Default B v1 (default)');
    expect(await nameAt('CP-1', 1, null, utc('12:00', '2026-01-01'))).toBe('no_tariff');
    expect(a.id).not.toBe(b.id);
  });
});

describe('assignment precedence and history', () => {
  it('connector > station > site > default, each as of the instant asked', async () => {
    const site = await createSite(t.db, systemActor, createSiteSchema.parse({ name: 'Depot', timeZone: 'Europe/Berlin' }));
    await assignSiteStations(t.db, systemActor, site.id, ['CP-1', 'CP-2']);
    const make = (name: string) => createTariff(t.db, systemActor, { name, tariff: flatTariff(3) }, utc('00:00', '2026-02-01'));
    const [siteTariff, stationTariff, connectorTariff] = [await make('Site'), await make('Station'), await make('Connector')];

    await assignTariff(t.db, systemActor, siteTariff.id, { siteId: site.id }, utc('01:00', '2026-02-01'));
    await assignTariff(t.db, systemActor, stationTariff.id, { stationId: 'CP-1' }, utc('02:00', '2026-02-01'));
    const connector = await assignTariff(t.db, systemActor, connectorTariff.id, { stationId: 'CP-1', connectorId: 2 }, utc('03:00', '2026-02-01'));
    await removeTariffAssignment(t.db, systemActor, connectorTariff.id, connector.id, utc('04:00', '2026-02-01'));

    const at = (hhmm: string) => utc(hhmm, '2026-02-01');
    expect(await nameAt('CP-1', 2, site.id, at('00:30'))).toBe('Default B v1 (default)');
    expect(await nameAt('CP-1', 2, site.id, at('01:30'))).toBe('Site v1 (site)');
    expect(await nameAt('CP-1', 2, site.id, at('02:30'))).toBe('Station v1 (station)');
    expect(await nameAt('CP-1', 2, site.id, at('03:30'))).toBe('Connector v1 (connector)');
    expect(await nameAt('CP-1', 1, site.id, at('03:30'))).toBe('Station v1 (station)');
    expect(await nameAt('CP-2', 1, site.id, at('03:30'))).toBe('Site v1 (site)');
    expect(await nameAt('CP-1', 2, site.id, at('04:30'))).toBe('Station v1 (station)');
  });

  it('replaces the tariff of a target, keeping the old assignment as history', async () => {
    const [other] = (await listTariffs(t.db)).filter((tariff) => tariff.name === 'Standard AC');
    const stationTariff = (await listTariffs(t.db)).find((tariff) => tariff.name === 'Station')!;
    await assignTariff(t.db, systemActor, other!.id, { stationId: 'CP-1' }, utc('05:00', '2026-02-01'));
    expect(await nameAt('CP-1', 1, null, utc('04:59', '2026-02-01'))).toBe('Station v1 (station)');
    expect(await nameAt('CP-1', 1, null, utc('05:00', '2026-02-01'))).toBe('Standard AC v2 (station)');
    expect((await listTariffs(t.db)).find((tariff) => tariff.id === stationTariff.id)!.assignments).toEqual([]);
    const again = await assignTariff(t.db, systemActor, other!.id, { stationId: 'CP-1' }, utc('06:00', '2026-02-01'));
    expect(again.createdAt).toBe('2026-02-01T05:00:00.000Z');
  });

  it('skips a tariff outside its OCPI validity and refuses unknown targets by field', async () => {
    const expired = await createTariff(t.db, systemActor, { name: 'Expired', tariff: { ...flatTariff(9), end_date_time: '2026-01-15T00:00:00Z' } }, utc('00:00', '2026-01-01'));
    await assignTariff(t.db, systemActor, expired.id, { stationId: 'CP-2', connectorId: 1 }, utc('00:00', '2026-02-01'));
    expect(await nameAt('CP-2', 1, null, utc('12:00', '2026-02-02'))).toBe('Default B v1 (default)');
    await expect(assignTariff(t.db, systemActor, expired.id, { stationId: 'NOPE' })).rejects.toMatchObject({ status: 400, field: 'stationId' });
    await expect(assignTariff(t.db, systemActor, expired.id, { siteId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ field: 'siteId' });
  });

  it('audits creation, edits and assignments', async () => {
    const actions = new Set((await listAuditEntries(t.db, { targetType: 'tariff' })).map((entry) => entry.action));
    expect([...actions].sort()).toEqual(['tariff.assign', 'tariff.create', 'tariff.unassign', 'tariff.update']);
  });
});
