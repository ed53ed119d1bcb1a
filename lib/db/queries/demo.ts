import type { Db } from '../client';
import { idTags } from '../schema';

/** Registers the tags that do not exist yet (Accepted, no expiry); existing ones are left as they are. Returns the new ones. */
export async function insertMissingIdTags(db: Db, values: string[]): Promise<string[]> {
  if (values.length === 0) return [];
  const rows = await db
    .insert(idTags)
    .values(values.map((idTag) => ({ idTag })))
    .onConflictDoNothing({ target: idTags.idTag })
    .returning({ idTag: idTags.idTag });
  return rows.map((row) => row.idTag);
}
