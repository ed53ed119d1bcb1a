import { apiRoute, requireActor } from '@/lib/api/api-route';
import { createDriverOperation, listDriversOperation } from '@/lib/api/contracts/drivers';
import { listDrivers } from '@/lib/db/queries/drivers';
import { createDriver } from '@/lib/drivers/create-driver';
import { driverView } from '@/lib/drivers/driver-view';

export const GET = apiRoute(listDriversOperation, async ({ db, query }) => {
  const { rows, total } = await listDrivers(db, query);
  return { data: rows.map((row) => ({ ...driverView(row), tagCount: row.tagCount })), total };
});

export const POST = apiRoute(createDriverOperation, ({ db, actor, body }) => createDriver(db, requireActor(actor), body));
