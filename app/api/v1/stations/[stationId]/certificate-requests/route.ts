import { getStationById } from '@/lib/db/queries/stations';
import { notFound } from '@/lib/errors';
import { apiRoute } from '@/lib/api/api-route';
import { listCertificateRequestsOperation } from '@/lib/api/contracts/security';
import { listCertificateSigningRequests } from '@/lib/db/queries/security-events';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(listCertificateRequestsOperation, async ({ db, params, query }) => {
  if (!(await getStationById(db, params.stationId))) throw notFound(`Station ${params.stationId} is not registered`);
  return {
    data: (await listCertificateSigningRequests(db, params.stationId, query.limit)).map((request) => ({
      id: request.id,
      csr: request.csr,
      receivedAt: request.receivedAt.toISOString(),
    })),
  };
});
