import { z } from 'zod';
import { defineOperation } from '../operation';
import { stationIdParams } from './stations';

const uploadParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, { message: 'is not an upload token' }),
});
const upload = {
  path: '/api/v1/diagnostics/upload/{token}',
  tag: 'Diagnostics',
  role: null,
  params: uploadParams,
  responseStatus: 201,
  errors: { 404: 'upload_not_found: unknown, used or expired', 411: 'length_required (multipart)', 413: 'too_large' },
} as const;

export const uploadDiagnosticsPutOperation = defineOperation({
  ...upload,
  method: 'put',
  summary: 'Upload target of GetDiagnostics (OCPP 1.6 §5.9): the file as the body. The one-time token in the URL is the credential; a file name may follow it.',
});

export const uploadDiagnosticsPostOperation = defineOperation({
  ...upload,
  method: 'post',
  summary: 'Upload target of GetDiagnostics (OCPP 1.6 §5.9): multipart/form-data with one file part.',
});

export const requestDiagnosticsOperation = defineOperation({
  method: 'post',
  path: '/api/v1/stations/{stationId}/diagnostics',
  tag: 'Diagnostics',
  role: 'operator',
  summary: 'Sends GetDiagnostics with a one-time upload URL on this server as the location; the file appears in the list once the station uploads it',
  params: stationIdParams,
  body: z
    .object({
      startTime: z.iso.datetime({ message: 'must be an ISO 8601 date-time' }).optional(),
      stopTime: z.iso.datetime({ message: 'must be an ISO 8601 date-time' }).optional(),
    })
    .default({}),
  query: z.object({ timeout: z.coerce.number({ message: 'must be a number of seconds' }).min(0.1).max(300).optional() }),
  errors: { 404: 'not_found', 409: 'station_offline', 502: 'call_error', 504: 'timeout' },
});

export const listDiagnosticsOperation = defineOperation({
  method: 'get',
  path: '/api/v1/stations/{stationId}/diagnostics',
  tag: 'Diagnostics',
  role: 'viewer',
  summary: 'Diagnostics requested from the station: waiting, uploading, uploaded (with a download link) or expired',
  params: stationIdParams,
});

export const downloadDiagnosticsOperation = defineOperation({
  method: 'get',
  path: '/api/v1/diagnostics/{id}/download',
  tag: 'Diagnostics',
  role: 'operator',
  summary: 'The uploaded diagnostics file',
  params: z.object({ id: z.coerce.number({ message: 'must be a number' }).int().min(1) }),
  errors: { 404: 'not_found' },
});
