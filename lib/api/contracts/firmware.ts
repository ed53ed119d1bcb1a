import { z } from 'zod';
import { campaignControls } from '../../firmware/control-campaign';
import { defineOperation } from '../operation';

const text = (max: number) => z.string().trim().min(1, { message: 'is required' }).max(max);
const idParams = z.object({ id: z.coerce.number({ message: 'must be a number' }).int().min(1) });

export const listFirmwareOperation = defineOperation({
  method: 'get',
  path: '/api/v1/firmware',
  tag: 'Firmware',
  role: 'viewer',
  summary: 'Firmware files hosted by the CSMS (vendor, model, version, size, SHA-256)',
});

export const uploadFirmwareOperation = defineOperation({
  method: 'post',
  path: '/api/v1/firmware',
  tag: 'Firmware',
  role: 'admin',
  summary: 'Upload a firmware file: the file is the request body (e.g. curl --data-binary @fw.bin), its metadata in the query. SHA-256 and size are computed; FIRMWARE_MAX_BYTES limits the size.',
  query: z.object({ vendor: text(100), model: text(100), version: text(100), fileName: text(200) }),
  responseStatus: 201,
  errors: { 409: 'duplicate_version', 413: 'too_large' },
});

export const downloadFirmwareOperation = defineOperation({
  method: 'get',
  path: '/api/v1/firmware/download/{token}',
  tag: 'Firmware',
  role: null,
  summary: 'The firmware file for one station of a campaign (the UpdateFirmware location). The token in the URL is the credential; it expires with the station\'s update window. A file name may follow the token.',
  params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, { message: 'is not a download token' }) }),
  errors: { 404: 'not_found: unknown or expired' },
});

export const campaignBody = z.object({
  name: text(200),
  firmwareId: z.coerce.number({ message: 'must be a number' }).int().min(1),
  vendor: z.string().trim().max(100).optional(),
  model: z.string().trim().max(100).optional(),
  siteId: z.uuid({ message: 'must be a site id' }).optional(),
  currentFirmware: z.string().trim().max(100).optional(),
  stationIds: z.array(z.string().min(1).max(48)).max(10_000).optional(),
  batchSize: z.coerce.number().int().min(1).max(1000).default(10),
  concurrency: z.coerce.number().int().min(1).max(10_000).default(50),
  failureThreshold: z.coerce.number().int().min(1).nullable().default(null),
  stationTimeoutS: z.coerce.number().int().min(10).max(7 * 24 * 3600).default(3600),
  startAt: z.iso.datetime({ message: 'must be an ISO 8601 date-time', offset: true }).optional(),
});

export const listCampaignsOperation = defineOperation({
  method: 'get',
  path: '/api/v1/firmware/campaigns',
  tag: 'Firmware',
  role: 'viewer',
  summary: 'Firmware rollout campaigns, newest first, with progress counts',
});

export const createCampaignOperation = defineOperation({
  method: 'post',
  path: '/api/v1/firmware/campaigns',
  tag: 'Firmware',
  role: 'operator',
  summary: 'Start a rollout: firmware + target stations (vendor, model, site, current firmware, list: every criterion given must match), batch size, concurrency, failure threshold, start time',
  body: campaignBody,
  responseStatus: 201,
  errors: { 404: 'not_found (firmware)' },
});

export const getCampaignOperation = defineOperation({
  method: 'get',
  path: '/api/v1/firmware/campaigns/{id}',
  tag: 'Firmware',
  role: 'viewer',
  summary: 'A campaign with its progress counts and every station\'s state',
  params: idParams,
  errors: { 404: 'not_found' },
});

export const controlCampaignOperation = defineOperation({
  method: 'post',
  path: '/api/v1/firmware/campaigns/{id}/{control}',
  tag: 'Firmware',
  role: 'operator',
  summary: 'pause | resume | cancel | retry (the failed stations)',
  params: idParams.extend({ control: z.enum(campaignControls) }),
  errors: { 404: 'not_found', 409: 'invalid_state' },
});
