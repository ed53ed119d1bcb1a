import { z } from 'zod';
import { defineOperation } from '../operation';
import { stationIdParams } from './stations';

const limitQuery = z.object({ limit: z.coerce.number({ message: 'must be a number' }).int().min(1).max(1000).optional() });

export const listSecurityEventsOperation = defineOperation({
  method: 'get',
  path: '/api/v1/stations/{stationId}/security-events',
  tag: 'Security',
  role: 'viewer',
  summary: 'SecurityEventNotifications of the station (OCPP 1.6 Security Whitepaper), newest first by the station time; `critical` per the whitepaper list',
  params: stationIdParams,
  query: limitQuery,
});

export const listCertificateRequestsOperation = defineOperation({
  method: 'get',
  path: '/api/v1/stations/{stationId}/certificate-requests',
  tag: 'Security',
  role: 'operator',
  summary: 'Certificate signing requests (SignCertificate, PEM) the station sent, newest first, for the operator to sign with their CA and send back with CertificateSigned',
  params: stationIdParams,
  query: limitQuery,
});
