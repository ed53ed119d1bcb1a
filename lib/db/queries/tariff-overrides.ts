import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { driverSubscriptions, idTags, subscriptionPlans, tariffOverrides, tariffs, tariffVersions, type TariffOverrideKind, type TariffOverrideRow, type TariffVersionRow } from '../schema';
import type { TariffCandidate } from './tariffs';

/** The tag itself, then its ancestors (nearest first), and the tag's driver: what overrides can match. */
export async function getTagOverrideKeys(db: Db, idTag: string): Promise<{ tagChain: string[]; driverId: string | null }> {
  const rows = await db.execute<{ id_tag: string; driver_id: string | null; depth: number }>(sql`
    with recursive chain (id_tag, parent_id_tag, driver_id, depth) as (
      select id_tag, parent_id_tag, driver_id, 0 from ${idTags} where id_tag = ${idTag}
      union
      select p.id_tag, p.parent_id_tag, p.driver_id, c.depth + 1 from ${idTags} p join chain c on p.id_tag = c.parent_id_tag where c.depth < 16
    )
    select id_tag, driver_id, depth from chain order by depth`);
  return { tagChain: rows.length > 0 ? rows.map((row) => row.id_tag) : [idTag], driverId: rows[0]?.driver_id ?? null };
}

type CandidateRow = { source_id: string; scope: TariffCandidate['scope']; tariff_id: string; tariff_name: string; version: TariffVersionRow & Record<string, unknown> };

const versionAt = (at: string) => sql`
  join ${tariffs} t on t.id = o.tariff_id
  join lateral (
    select * from ${tariffVersions} v where v.tariff_id = o.tariff_id and v.created_at <= ${at}::timestamptz order by v.version desc limit 1
  ) v on true`;
const versionJson = sql`json_build_object('id', v.id, 'tariffId', v.tariff_id, 'version', v.version, 'tariff', v.tariff, 'createdAt', v.created_at, 'createdBy', v.created_by)`;

/**
 * Overrides in force at `at` for a tag chain and driver, best first: the tag itself, then its
 * ancestors nearest first, then the driver's own override.
 */
export async function listOverrideCandidatesAt(db: Db, input: { tagChain: string[]; driverId: string | null; at: Date }): Promise<(TariffCandidate & { sourceId: string })[]> {
  const at = input.at.toISOString();
  const rows = await db.execute<CandidateRow & { rank: number }>(sql`
    select o.id as source_id, o.kind as scope, o.tariff_id, t.name as tariff_name, ${versionJson} as version,
      case when o.kind = 'id_tag' then array_position(${sql.param(input.tagChain)}::text[], o.id_tag) else 1000 end as rank
    from ${tariffOverrides} o ${versionAt(at)}
    where o.created_at <= ${at}::timestamptz and (o.removed_at is null or o.removed_at > ${at}::timestamptz)
      and ((o.kind = 'id_tag' and o.id_tag = any(${sql.param(input.tagChain)}::text[]))
        ${input.driverId ? sql`or (o.kind = 'driver' and o.driver_id = ${input.driverId})` : sql``})
    order by rank`);
  return rows.map(toCandidate);
}

/** The driver's subscription running at `at` (the latest started), with its plan's tariff in force then. */
export async function getSubscriptionCandidateAt(db: Db, driverId: string, at: Date): Promise<{ subscriptionId: string; candidate: (TariffCandidate & { sourceId: string }) | null } | null> {
  const iso = at.toISOString();
  const [subscription] = await db.execute<{ id: string; tariff_id: string | null }>(sql`
    select s.id, p.tariff_id from ${driverSubscriptions} s join ${subscriptionPlans} p on p.id = s.plan_id
    where s.driver_id = ${driverId} and s.starts_at <= ${iso}::timestamptz and (s.ends_at is null or s.ends_at > ${iso}::timestamptz)
    order by s.starts_at desc limit 1`);
  if (!subscription) return null;
  if (!subscription.tariff_id) return { subscriptionId: subscription.id, candidate: null };
  const [row] = await db.execute<CandidateRow>(sql`
    select ${subscription.id}::text as source_id, 'subscription_plan' as scope, o.tariff_id, t.name as tariff_name, ${versionJson} as version
    from (select ${subscription.tariff_id}::uuid as tariff_id) o ${versionAt(iso)}`);
  return { subscriptionId: subscription.id, candidate: row ? toCandidate(row) : null };
}

function toCandidate(row: CandidateRow): TariffCandidate & { sourceId: string } {
  return {
    sourceId: row.source_id,
    assignmentId: null,
    scope: row.scope,
    tariffId: row.tariff_id,
    tariffName: row.tariff_name,
    version: { ...row.version, createdAt: new Date(row.version.createdAt as unknown as string) },
  };
}

export type OverrideTarget = { kind: TariffOverrideKind; idTag: string | null; driverId: string | null };

/** The open override of a target (locked until the transaction ends), if any. */
export async function lockOpenOverride(db: Db, target: OverrideTarget): Promise<TariffOverrideRow | undefined> {
  const [row] = await db
    .select()
    .from(tariffOverrides)
    .where(
      and(
        eq(tariffOverrides.kind, target.kind),
        target.idTag ? eq(tariffOverrides.idTag, target.idTag) : eq(tariffOverrides.driverId, target.driverId!),
        isNull(tariffOverrides.removedAt),
      ),
    )
    .for('update');
  return row;
}

export async function insertOverride(db: Db, row: OverrideTarget & { tariffId: string; createdAt: Date; createdBy: string }): Promise<TariffOverrideRow> {
  const [inserted] = await db.insert(tariffOverrides).values(row).returning();
  return inserted!;
}

export async function closeOverride(db: Db, id: string, at: Date, by: string): Promise<void> {
  await db.update(tariffOverrides).set({ removedAt: at, removedBy: by }).where(and(eq(tariffOverrides.id, id), isNull(tariffOverrides.removedAt)));
}

export function listOpenOverrides(db: Db, tariffId: string): Promise<TariffOverrideRow[]> {
  return db.select().from(tariffOverrides).where(and(eq(tariffOverrides.tariffId, tariffId), isNull(tariffOverrides.removedAt))).orderBy(tariffOverrides.createdAt);
}
