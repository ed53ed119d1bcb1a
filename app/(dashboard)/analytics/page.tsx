import Link from 'next/link';
import { createExemptionAction, deleteExemptionAction } from './actions';
import { DeleteExemptionButton, ExemptionForm } from '@/components/analytics/exemption-form';
import { ReportView } from '@/components/analytics/report-view';
import { FormField } from '@/components/forms/form-field';
import { Alert } from '@/components/ui/alert';
import { Button, buttonVariants } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { buildReport } from '@/lib/analytics/build-report';
import { reportApiUrl, reportPageParams, reportRange } from '@/lib/analytics/report-params';
import { reportNames } from '@/lib/analytics/report-types';
import { roleAllows } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { listUptimeExemptions } from '@/lib/db/queries/analytics-maintenance';
import { listReportFilterOptions } from '@/lib/db/queries/analytics-reports';
import { cn } from '@/lib/utils/cn';

export const dynamic = 'force-dynamic';

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, value]) => value)) as Record<string, string>;
  const parsed = reportPageParams.safeParse(raw);
  const params = parsed.success ? parsed.data : reportPageParams.parse({ report: raw.report && (reportNames as readonly string[]).includes(raw.report) ? raw.report : undefined });
  const range = reportRange(params, new Date());
  const db = getDb();
  const [report, options, exemptions] = await Promise.all([
    buildReport(db, params.report, { ...params, ...range }),
    listReportFilterOptions(db),
    params.report === 'uptime' ? listUptimeExemptions(db) : Promise.resolve([]),
  ]);
  const tabHref = (name: string) => `/analytics?${new URLSearchParams({ ...raw, report: name })}`;
  const month = range.fromDay.slice(0, 7);
  return (
    <>
      <PageHeader title="Analytics" description="Utilization, energy, revenue, uptime and faults from the hourly and daily rollups (refreshed every few minutes)." />
      <nav aria-label="Reports" className="mb-4 flex flex-wrap gap-2">
        {reportNames.map((name) => (
          <Link key={name} href={tabHref(name)} aria-current={name === params.report ? 'page' : undefined} className={cn(buttonVariants({ variant: name === params.report ? 'default' : 'outline', size: 'sm' }), 'capitalize')}>
            {name}
          </Link>
        ))}
      </nav>
      <form method="get" className="mb-4 grid gap-3 sm:grid-cols-4 lg:grid-cols-8 sm:items-end" aria-label="Report filters">
        <input type="hidden" name="report" value={params.report} />
        <FormField name="from" label="From (UTC day)" type="date" defaultValue={range.fromDay} />
        <FormField name="to" label="To (UTC day, inclusive)" type="date" defaultValue={range.toDay} />
        <div className="space-y-1.5">
          <Label htmlFor="field-siteId">Site</Label>
          <NativeSelect id="field-siteId" name="siteId" defaultValue={params.siteId ?? ''}>
            <option value="">All sites</option>
            {options.sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <FormField name="stationId" label="Station" defaultValue={params.stationId} />
        <FormField name="vendor" label="Vendor" defaultValue={params.vendor} list="analytics-vendors" />
        <FormField name="model" label="Model" defaultValue={params.model} list="analytics-models" />
        <div className="space-y-1.5">
          <Label htmlFor="field-tariffId">Tariff (revenue)</Label>
          <NativeSelect id="field-tariffId" name="tariffId" defaultValue={params.tariffId ?? ''}>
            <option value="">All tariffs</option>
            {options.tariffs.map((tariff) => (
              <option key={tariff.id} value={tariff.id}>
                {tariff.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <Button type="submit">Apply</Button>
        <datalist id="analytics-vendors">{options.vendors.map((v) => <option key={v} value={v} />)}</datalist>
        <datalist id="analytics-models">{options.models.map((m) => <option key={m} value={m} />)}</datalist>
      </form>
      {!parsed.success ? <Alert variant="error">{parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}</Alert> : null}
      <div className="mb-4 flex flex-wrap gap-2">
        <a className={buttonVariants({ variant: 'outline', size: 'sm' })} href={reportApiUrl(params.report, range, params, 'csv')} download>
          Download CSV
        </a>
        <a className={buttonVariants({ variant: 'outline', size: 'sm' })} href={reportApiUrl(params.report, range, params, 'json')}>
          JSON
        </a>
        {params.siteId ? (
          <a className={buttonVariants({ variant: 'outline', size: 'sm' })} href={`/analytics/owner-report?siteId=${params.siteId}&month=${month}`} download>
            Owner report {month} (PDF)
          </a>
        ) : (
          <span className="self-center text-xs text-muted-foreground">Pick a site for its monthly owner report (PDF).</span>
        )}
      </div>
      <p className="mb-4 text-xs text-muted-foreground">
        {report.from} – {report.to} (UTC), compared with {report.previousFrom} – {report.from}.
      </p>
      <ReportView report={report} />
      {params.report === 'uptime' ? (
        <section aria-labelledby="exemptions" className="mt-8 space-y-3">
          <h2 id="exemptions" className="text-lg font-semibold">Exempt outages</h2>
          <p className="text-sm text-muted-foreground">
            Uptime = time up (charging, occupied or available while connected) ÷ (observed time − exempt time). Mark scheduled maintenance and outages outside the operator&apos;s control here.
          </p>
          {roleAllows(user.role, 'operator') ? <ExemptionForm action={createExemptionAction} /> : null}
          <Table aria-label="Exempt outages">
            <THead>
              <Tr>
                <Th>Station</Th>
                <Th>Connector</Th>
                <Th>From (UTC)</Th>
                <Th>Until (UTC)</Th>
                <Th>Reason</Th>
                <Th>By</Th>
                <Th />
              </Tr>
            </THead>
            <TBody>
              {exemptions.map((x) => (
                <Tr key={x.id}>
                  <Td>{x.stationId}</Td>
                  <Td>{x.connectorId ?? 'all'}</Td>
                  <Td className="text-sm">{x.startsAt.toISOString().slice(0, 16).replace('T', ' ')}</Td>
                  <Td className="text-sm">{x.endsAt.toISOString().slice(0, 16).replace('T', ' ')}</Td>
                  <Td>{x.reason}</Td>
                  <Td className="text-sm">{x.createdBy}</Td>
                  <Td>{roleAllows(user.role, 'operator') ? <DeleteExemptionButton id={x.id} action={deleteExemptionAction} /> : null}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </section>
      ) : null}
    </>
  );
}
