import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { commands, stations } from '../schema';

export interface ConfigurationKeyReading {
  stationId: string;
  vendor: string | null;
  /** null: no stored GetConfiguration answer of this station lists the key. */
  value: string | null;
  readonly: boolean | null;
  /** When the answer that listed it came (the command's end). */
  readAt: Date | null;
  /** The station's latest answer about the key said it does not know it (unknownKey). */
  unknown: boolean;
}

/**
 * One configuration key across every station of a model, from the stored GetConfiguration answers
 * (OCPP 1.6 §5.8; the commands table): per station the newest answer that mentions the key.
 */
export async function compareConfigurationKey(db: Db, input: { model: string; key: string; vendor?: string }): Promise<ConfigurationKeyReading[]> {
  const rows = await db.execute<{ station_id: string; vendor: string | null; value: string | null; readonly: boolean | null; read_at: string | null; unknown: boolean | null }>(sql`
    select s.id as station_id, s.vendor, r.value, r.readonly, r.read_at, r.unknown
    from ${stations} s
    left join lateral (
      select k.entry->>'value' as value, (k.entry->>'readonly')::boolean as readonly, c.finished_at as read_at, k.unknown
      from ${commands} c
      cross join lateral (
        select e as entry, false as unknown from jsonb_array_elements(coalesce(c.response->'configurationKey', '[]'::jsonb)) e where e->>'key' = ${input.key}
        union all
        select null, true from jsonb_array_elements_text(coalesce(c.response->'unknownKey', '[]'::jsonb)) u where u = ${input.key}
      ) k
      where c.station_id = s.id and c.action = 'GetConfiguration' and c.state = 'completed'
      order by c.id desc
      limit 1
    ) r on true
    where s.model = ${input.model} ${input.vendor ? sql`and s.vendor = ${input.vendor}` : sql``}
    order by s.id`);
  return rows.map((row) => ({
    stationId: row.station_id,
    vendor: row.vendor,
    value: row.value,
    readonly: row.readonly,
    readAt: row.read_at ? new Date(row.read_at) : null,
    unknown: row.unknown === true,
  }));
}

/** The station models known (from BootNotification), with how many stations each. */
export async function listStationModels(db: Db): Promise<{ model: string; stations: number }[]> {
  const rows = await db.execute<{ model: string; stations: number }>(sql`
    select model, count(*)::int as stations from ${stations} where model is not null group by model order by model`);
  return rows.map((row) => ({ model: row.model, stations: Number(row.stations) }));
}
