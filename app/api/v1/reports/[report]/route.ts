import { apiRoute } from '@/lib/api/api-route';
import { getReportOperation } from '@/lib/api/contracts/reports';
import { buildReport } from '@/lib/analytics/build-report';
import { reportToCsv } from '@/lib/analytics/report-csv';

export const GET = apiRoute(getReportOperation, async ({ db, params, query }) => {
  const { format, ...filter } = query;
  const report = await buildReport(db, params.report, filter);
  if (format === 'json') return report;
  const name = `${params.report}-${report.from.slice(0, 10)}-${report.to.slice(0, 10)}.csv`;
  return new Response(reportToCsv(report), {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' },
  });
});
