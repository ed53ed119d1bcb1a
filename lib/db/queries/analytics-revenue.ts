import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import type { PaymentMethod } from '../schema';
import { bounds, scope, type ReportFilter } from './analytics-report-buckets';

/** postgres-js binds strings, not Dates, inside raw sql templates. */
const iso = (at: Date) => at.toISOString();
const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

/**
 * How transaction `id` was paid, from the billing data of its current invoice (the latest session
 * revision): a wallet debit of it → wallet; a succeeded card payment of it → card; else a session
 * started under a subscription → subscription; else invoice (invoiced, or to be, and not paid yet).
 */
const PAYMENT_METHOD = (id: SQL) => sql`(
  select case
    when exists (select 1 from wallet_entries w where w.invoice_id = i.id and w.kind = 'session_debit') then 'wallet'
    when exists (select 1 from payments p where p.invoice_id = i.id and p.purpose = 'invoice' and p.status = 'succeeded') then 'card'
    when exists (select 1 from transaction_tariffs tt where tt.transaction_id = ${id} and tt.subscription_id is not null) then 'subscription'
    else 'invoice' end
  from (select 1) one left join lateral (
    select v.id from invoices v where v.transaction_id = ${id} and v.kind = 'session' order by v.revision desc limit 1) i on true)`;

/** The payment method of each transaction (see PAYMENT_METHOD). */
export async function listPaymentMethods(db: Db, transactionIds: number[]): Promise<Map<number, PaymentMethod>> {
  if (transactionIds.length === 0) return new Map();
  const rows = await db.execute<{ id: number; method: PaymentMethod }>(sql`
    select t.id, ${PAYMENT_METHOD(sql`t.id`)} as method from unnest(${`{${transactionIds.join(',')}}`}::int[]) t(id)`);
  return new Map(rows.map((r) => [Number(r.id), r.method]));
}

/**
 * Re-derives the payment method of stored revenue rows whose billing may have moved since `since`
 * (priced by the last refresh, a session invoice issued — its wallet debit is made with it, at the
 * same instant — or a card payment succeeded or was refunded; from an hour earlier, for settlements that committed
 * after their own timestamps). All by index. Returns the range of stop instants that changed (for
 * the monthly revenue rollup), or null.
 */
export async function updateChangedPaymentMethods(db: Db, since: Date): Promise<{ from: Date; to: Date } | null> {
  const lookback = sql`(${iso(since)}::timestamptz - interval '1 hour')`;
  const [row] = await db.execute<{ from: string | null; to: string | null }>(sql`
    with changed as (
      select transaction_id as id from transaction_revenue where priced_at >= ${lookback}
      union select transaction_id from invoices where kind = 'session' and issued_at >= ${lookback} and transaction_id is not null
      union select i.transaction_id from payments p join invoices i on i.id = p.invoice_id
        where p.purpose = 'invoice' and p.succeeded_at >= ${lookback} and i.transaction_id is not null
      union select i.transaction_id from payments p join invoices i on i.id = p.invoice_id
        where p.purpose = 'invoice' and p.refunded_at >= ${lookback} and i.transaction_id is not null
    ),
    derived as (select c.id, ${PAYMENT_METHOD(sql`c.id`)} as method from changed c),
    updated as (
      update transaction_revenue r set payment_method = d.method from derived d
      where r.transaction_id = d.id and r.payment_method is distinct from d.method
      returning r.stopped_at
    )
    select min(stopped_at) as "from", max(stopped_at) as "to" from updated`);
  return row?.from && row.to ? { from: new Date(row.from), to: new Date(new Date(row.to).getTime() + 1) } : null;
}

/** Each station's local months (site time zone, UTC without a site) overlapping [from, to). */
const MONTHS = (from: Date, to: Date) => sql`zones as (
      select st.id as station_id, coalesce(s.time_zone, 'UTC') as tz from stations st
      left join station_sites ss on ss.station_id = st.id left join sites s on s.id = ss.site_id
    ),
    months as (
      select z.station_id, z.tz, m::date as month, m::timestamp at time zone z.tz as month_start,
        (m + interval '1 month')::timestamp at time zone z.tz as month_end
      from zones z cross join lateral generate_series(date_trunc('month', ${iso(from)}::timestamptz at time zone z.tz),
        date_trunc('month', (${iso(to)}::timestamptz - interval '1 microsecond') at time zone z.tz), interval '1 month') m
    )`;

/**
 * Re-sums the monthly revenue rollup of every station's local month overlapping [from, to) from the
 * stored revenue (by stop instant). Idempotent (delete + insert); call after storing the revenue.
 */
export async function replaceMonthlyRevenue(db: Db, range: { from: Date; to: Date }): Promise<void> {
  const { from, to } = range;
  await db.execute(sql`with ${MONTHS(from, to)}
    delete from station_monthly_revenue x using months m where x.station_id = m.station_id and x.month = m.month`);
  await db.execute(sql`with ${MONTHS(from, to)}
    insert into station_monthly_revenue (station_id, month, month_start, month_end, time_zone, tariff_id, tariff_name, payment_method, currency, sessions, net, vat, gross)
    select m.station_id, m.month, m.month_start, m.month_end, m.tz, r.tariff_id, r.tariff_name, coalesce(r.payment_method, 'unknown'), r.currency,
      count(*), sum(r.net), sum(r.vat), sum(r.gross)
    from transaction_revenue r join months m on m.station_id = r.station_id and r.stopped_at >= m.month_start and r.stopped_at < m.month_end
    where r.stopped_at >= (select min(month_start) from months) and r.stopped_at < (select max(month_end) from months)
    group by m.station_id, m.month, m.month_start, m.month_end, m.tz, r.tariff_id, r.tariff_name, r.payment_method, r.currency`);
}

/** Revenue stored before the monthly rollup existed: the range to fill once, or null. */
export async function findMissingRevenueRange(db: Db): Promise<{ from: Date; to: Date } | null> {
  const [row] = await db.execute<{ from: string | null; to: string | null }>(sql`
    select min(stopped_at) as "from", max(stopped_at) as "to" from transaction_revenue
    where not exists (select 1 from station_monthly_revenue)`);
  return row?.from && row.to ? { from: new Date(row.from), to: new Date(new Date(row.to).getTime() + 1) } : null;
}

/**
 * Stored revenue of sessions that stopped in the range, by site, tariff, payment method and currency:
 * monthly rows for the local months wholly inside the range, stored sessions for the rest.
 */
export async function sumRevenue(db: Db, f: ReportFilter) {
  const tariff = (alias: string) => (f.tariffId ? sql`and ${sql.raw(alias)}.tariff_id = ${f.tariffId}` : sql``);
  const raw = sql`r.station_id, r.tariff_id, r.tariff_name, coalesce(r.payment_method, 'unknown') as payment_method, r.currency, 1 as sessions, r.net, r.vat, r.gross
    from transaction_revenue r join scope using (station_id) join bounds b using (tz)`;
  const rows = await db.execute<Record<string, unknown>>(sql`with ${scope(f)}, ${bounds(f)},
    revenue as (
      select m.station_id, m.tariff_id, m.tariff_name, m.payment_method, m.currency, m.sessions, m.net, m.vat, m.gross
      from station_monthly_revenue m join scope using (station_id)
      where m.month_start >= ${iso(f.from)} and m.month_end <= ${iso(f.to)} ${tariff('m')}
      union all
      select ${raw} where r.stopped_at >= ${iso(f.from)} and r.stopped_at < least(${iso(f.to)}::timestamptz, (select max(m_from) from bounds))
        and r.stopped_at < b.m_from ${tariff('r')}
      union all
      select ${raw} where r.stopped_at >= greatest(${iso(f.from)}::timestamptz, (select min(m_to) from bounds)) and r.stopped_at < ${iso(f.to)}
        and r.stopped_at >= b.m_to ${tariff('r')}
    )
    select scope.site_id, coalesce(scope.site_name, '(no site)') as site_name, r.tariff_id, coalesce(r.tariff_name, '(none)') as tariff_name,
      r.payment_method, r.currency, sum(r.sessions) as sessions, sum(r.net) as net, sum(r.vat) as vat, sum(r.gross) as gross
    from revenue r join scope using (station_id)
    group by 1, 2, 3, 4, 5, 6 order by 2, 4, 5, 6`);
  return rows.map((r) => ({
    siteId: (r.site_id as string | null) ?? null,
    siteName: String(r.site_name),
    tariffId: (r.tariff_id as string | null) ?? null,
    tariffName: String(r.tariff_name),
    paymentMethod: String(r.payment_method),
    currency: String(r.currency),
    sessions: num(r.sessions),
    net: num(r.net),
    vat: num(r.vat),
    gross: num(r.gross),
  }));
}
