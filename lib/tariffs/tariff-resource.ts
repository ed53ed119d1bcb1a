import type { AssignmentWithTarget, TariffVersionSummary } from '../db/queries/tariffs';
import type { TariffRow, TariffVersionRow } from '../db/schema';

export function assignmentView(assignment: AssignmentWithTarget) {
  return {
    id: assignment.id,
    tariffId: assignment.tariffId,
    scope: assignment.scope,
    siteId: assignment.siteId,
    siteName: assignment.siteName,
    stationId: assignment.stationId,
    connectorId: assignment.connectorId,
    createdAt: assignment.createdAt.toISOString(),
    createdBy: assignment.createdBy,
  };
}
export type AssignmentView = ReturnType<typeof assignmentView>;

export const versionView = (version: TariffVersionSummary) => ({
  id: version.id,
  version: version.version,
  createdAt: version.createdAt.toISOString(),
  createdBy: version.createdBy,
});
export type VersionView = ReturnType<typeof versionView>;

/**
 * A tariff as the REST API returns it: the OCPI 2.2.1 Tariff object of the current version (`id` is
 * ours, `last_updated` the version's time) plus our fields, its open assignments and, on the detail,
 * its version history.
 */
export function tariffResource(row: TariffRow, version: TariffVersionRow, assignments: AssignmentWithTarget[], versions?: TariffVersionSummary[]) {
  return {
    id: row.id,
    name: row.name,
    is_default: row.isDefault,
    version: version.version,
    version_id: version.id,
    created_at: row.createdAt.toISOString(),
    ...version.tariff,
    last_updated: version.createdAt.toISOString(),
    assignments: assignments.map(assignmentView),
    ...(versions ? { versions: versions.map(versionView) } : {}),
  };
}
export type TariffResource = ReturnType<typeof tariffResource>;
