import type { Db } from '../db/client';
import { getLatestTariffVersion, getTariffById, listLatestTariffVersions, listOpenAssignments, listTariffRows, listTariffVersions } from '../db/queries/tariffs';
import { notFound } from '../errors';
import { tariffResource, type TariffResource } from './tariff-resource';

export async function getTariffDetail(db: Db, id: string): Promise<TariffResource> {
  const row = await getTariffById(db, id);
  if (!row) throw notFound('Tariff not found');
  const [version, assignments, versions] = await Promise.all([getLatestTariffVersion(db, id), listOpenAssignments(db, id), listTariffVersions(db, id)]);
  return tariffResource(row, version!, assignments, versions);
}

/** Every tariff (default first, then by name) with its current version and open assignments. */
export async function listTariffs(db: Db): Promise<TariffResource[]> {
  const [rows, versions, assignments] = await Promise.all([listTariffRows(db), listLatestTariffVersions(db), listOpenAssignments(db)]);
  return rows.map((row) => tariffResource(row, versions.get(row.id)!, assignments.filter((assignment) => assignment.tariffId === row.id)));
}
