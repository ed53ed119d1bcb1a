import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { diagnosticsFiles, type DiagnosticsFile } from '../schema';

export async function insertDiagnosticsFile(db: Db, row: { stationId: string; tokenHash: string; requestedBy: string; ttlMs: number }): Promise<DiagnosticsFile> {
  const [file] = await db
    .insert(diagnosticsFiles)
    .values({ stationId: row.stationId, tokenHash: row.tokenHash, requestedBy: row.requestedBy, expiresAt: sql`now() + make_interval(secs => ${row.ttlMs / 1000})` })
    .returning();
  return file!;
}

export async function setDiagnosticsCommand(db: Db, id: number, commandId: number): Promise<void> {
  await db.update(diagnosticsFiles).set({ commandId }).where(eq(diagnosticsFiles.id, id));
}

/** Takes the upload slot of a token that is unused and not expired: one upload per token, atomically. */
export async function claimDiagnosticsUpload(db: Db, tokenHash: string): Promise<DiagnosticsFile | undefined> {
  const [row] = await db
    .update(diagnosticsFiles)
    .set({ claimedAt: sql`now()` })
    .where(and(eq(diagnosticsFiles.tokenHash, tokenHash), isNull(diagnosticsFiles.claimedAt), sql`${diagnosticsFiles.expiresAt} > now()`))
    .returning();
  return row;
}

/** Gives a claimed slot back (the upload failed midway), unless it expired meanwhile. */
export async function releaseDiagnosticsUpload(db: Db, id: number): Promise<void> {
  await db.update(diagnosticsFiles).set({ claimedAt: null }).where(and(eq(diagnosticsFiles.id, id), isNull(diagnosticsFiles.uploadedAt)));
}

export async function completeDiagnosticsUpload(
  db: Db,
  id: number,
  file: { fileName: string; contentType: string | null; sizeBytes: number; storagePath: string },
): Promise<DiagnosticsFile> {
  const [row] = await db
    .update(diagnosticsFiles)
    .set({ ...file, uploadedAt: sql`now()` })
    .where(eq(diagnosticsFiles.id, id))
    .returning();
  return row!;
}

/** Ends a token early (GetDiagnostics was not accepted: nothing will come). */
export async function expireDiagnosticsToken(db: Db, id: number): Promise<void> {
  await db.update(diagnosticsFiles).set({ expiresAt: sql`now()` }).where(and(eq(diagnosticsFiles.id, id), isNull(diagnosticsFiles.claimedAt)));
}

export function listStationDiagnostics(db: Db, stationId: string, limit = 50): Promise<DiagnosticsFile[]> {
  return db.select().from(diagnosticsFiles).where(eq(diagnosticsFiles.stationId, stationId)).orderBy(desc(diagnosticsFiles.id)).limit(limit);
}

export async function getDiagnosticsFile(db: Db, id: number): Promise<DiagnosticsFile | undefined> {
  const [row] = await db.select().from(diagnosticsFiles).where(eq(diagnosticsFiles.id, id));
  return row;
}
