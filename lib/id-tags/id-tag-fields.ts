import type { IdTagFields } from '../db/queries/id-tags';
import type { CreateIdTagInput, UpdateIdTagInput } from './schemas';

/** The columns of a new tag, from the REST/form fields (maxActiveTransactions absent: 1; siteIds absent: all sites). */
export function newIdTagFields(input: CreateIdTagInput): IdTagFields {
  return {
    idTag: input.idTag,
    status: input.status,
    expiresAt: input.expiryDate ?? null,
    parentIdTag: input.parentIdTag ?? null,
    driverId: input.driverId ?? null,
    maxConcurrentTx: input.maxActiveTransactions === undefined ? 1 : input.maxActiveTransactions,
    allSites: !input.siteIds,
    label: input.label ?? null,
  };
}

/** The columns a PATCH changes: absent fields stay, null clears. */
export function idTagPatchFields(patch: UpdateIdTagInput): Partial<IdTagFields> {
  const fields: Partial<IdTagFields> = {};
  if (patch.status !== undefined) fields.status = patch.status;
  if (patch.expiryDate !== undefined) fields.expiresAt = patch.expiryDate;
  if (patch.parentIdTag !== undefined) fields.parentIdTag = patch.parentIdTag;
  if (patch.driverId !== undefined) fields.driverId = patch.driverId;
  if (patch.maxActiveTransactions !== undefined) fields.maxConcurrentTx = patch.maxActiveTransactions;
  if (patch.siteIds !== undefined) fields.allSites = patch.siteIds === null;
  if (patch.label !== undefined) fields.label = patch.label;
  return fields;
}
