import { apiRoute, requireActor } from '@/lib/api/api-route';
import { removeTariffAssignmentOperation } from '@/lib/api/contracts/tariffs';
import { removeTariffAssignment } from '@/lib/tariffs/remove-tariff-assignment';

export const DELETE = apiRoute(removeTariffAssignmentOperation, ({ db, actor, params }) =>
  removeTariffAssignment(db, requireActor(actor), params.id, params.assignmentId),
);
