import { apiRoute, requireActor } from '@/lib/api/api-route';
import { deleteDriverOperation, getDriverOperation, updateDriverOperation } from '@/lib/api/contracts/drivers';
import { deleteDriver } from '@/lib/drivers/delete-driver';
import { getDriverDetail } from '@/lib/drivers/get-driver-detail';
import { updateDriver } from '@/lib/drivers/update-driver';
import { publicOrigin } from '@/lib/drivers/connector-qr';

export const GET = apiRoute(getDriverOperation, ({ db, params }) => getDriverDetail(db, params.id));

export const PATCH = apiRoute(updateDriverOperation, ({ db, actor, params, body, request }) =>
  updateDriver(db, requireActor(actor), params.id, body, { origin: publicOrigin(request.headers) }),
);

export const DELETE = apiRoute(deleteDriverOperation, ({ db, actor, params }) => deleteDriver(db, requireActor(actor), params.id));
