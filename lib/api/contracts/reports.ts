import { z } from 'zod';
import { reportNames } from '../../analytics/report-types';
import { defineOperation } from '../operation';

const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-03-01T00:00:00Z' }).transform((value) => new Date(value));

export const reportQuerySchema = z
  .object({
    from: instant.describe('start (inclusive), widened to the hour'),
    to: instant.describe('end (exclusive), widened to the hour'),
    siteId: z.uuid({ message: 'must be a site id' }).optional(),
    stationId: z.string().min(1).optional(),
    vendor: z.string().min(1).optional(),
    model: z.string().min(1).optional(),
    tariffId: z.uuid({ message: 'must be a tariff id' }).optional().describe('revenue only'),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .refine((q) => q.to > q.from, { message: 'must be after from', path: ['to'] })
  .refine((q) => q.to.getTime() - q.from.getTime() <= 3 * 366 * 86_400_000, { message: 'the range may span at most three years', path: ['to'] });

const figures = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

export const getReportOperation = defineOperation({
  method: 'get',
  path: '/api/v1/reports/{report}',
  tag: 'Reports',
  role: 'viewer',
  summary:
    'An analytics report from the hourly/daily rollups: totals for [from, to) and the previous period of the same length, and a table (format=csv returns the table as CSV). Energy in kWh, money in currency units of the tariff currency, times ISO 8601 UTC.',
  params: z.object({ report: z.enum(reportNames, { message: `must be one of ${reportNames.join(', ')}` }) }),
  query: reportQuerySchema,
  response: z.looseObject({
    report: z.enum(reportNames),
    from: z.string(),
    to: z.string(),
    previousFrom: z.string(),
    totals: figures,
    previous: figures,
    columns: z.array(z.string()),
    rows: z.array(figures),
    extra: z.record(z.string(), z.unknown()),
  }),
});
