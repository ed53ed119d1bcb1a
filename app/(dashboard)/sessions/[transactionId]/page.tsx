import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { PowerCurveChart } from '@/components/sessions/power-curve-chart';
import { SessionCostCard } from '@/components/sessions/session-cost-card';
import { getTransactionWithBilling } from '@/lib/billing/transaction-billing';
import { formatKwh } from '@/components/dashboard/format';
import { requireUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { getTransactionById } from '@/lib/db/queries/transactions';
import { listSessionCurve } from '@/lib/db/queries/session-history';
import { isSuspectedStuck, powerCurve } from '@/lib/dashboard/session-curve';
import { getAlertThresholds } from '@/lib/settings/get-settings';
import { roleAllows } from '@/lib/auth/roles';
import { MarkReviewedForm } from '@/components/sessions/mark-reviewed-form';
import { markReviewedAction } from './actions';
import { getLowBalanceStop } from '@/lib/db/queries/low-balance-stops';
import { formatMinorUnits } from '@/lib/pricing/currency';

export const dynamic = 'force-dynamic';

const when = (date: Date | null) => (date ? date.toISOString().replace('T', ' ').slice(0, 19) + ' UTC' : '—');

export default async function SessionPage({ params }: { params: Promise<{ transactionId: string }> }) {
  const user = await requireUser();
  const id = Number((await params).transactionId);
  if (!Number.isInteger(id) || id < 1) notFound();
  const db = getDb();
  const session = await getTransactionById(db, id);
  if (!session) notFound();
  const [samples, thresholds, lowBalanceStop, billing] = await Promise.all([listSessionCurve(db, id), getAlertThresholds(db), getLowBalanceStop(db, id), getTransactionWithBilling(db, id)]);
  const lastSampleAt = samples.at(-1)?.at ?? null;
  const register = samples.filter((sample) => sample.measurand === 'Energy.Active.Import.Register' && sample.phase === null && sample.value !== null).at(-1);
  const energyWh = session.meterStop !== null ? session.meterStop - session.meterStart : register ? register.value! - session.meterStart : null;
  const facts: [string, string][] = [
    ['Station', `${session.stationId} / connector ${session.connectorId}`],
    ['Id tag', session.idTag],
    ['Started', when(session.startedAt)],
    ['Stopped', session.stoppedAt ? when(session.stoppedAt) : 'running'],
    ['Energy', formatKwh(energyWh)],
    ['Meter start / stop', `${session.meterStart} Wh / ${session.meterStop ?? '—'} Wh`],
    ['Stop reason', session.serverStopReason ?? session.stopReason ?? '—'],
    ...(lowBalanceStop
      ? ([
          [
            'Stop requested',
            `${when(lowBalanceStop.requestedAt)}: wallet balance low (cost so far ${formatMinorUnits(lowBalanceStop.costSoFar, lowBalanceStop.currency)} reached the balance of ${formatMinorUnits(lowBalanceStop.balance, lowBalanceStop.currency)}); RemoteStopTransaction ${lowBalanceStop.outcome ?? 'sent'}${lowBalanceStop.retriedAt ? `; sent again ${when(lowBalanceStop.retriedAt)}, the station being back: ${lowBalanceStop.retryOutcome ?? 'sent'}` : ''}`,
          ],
        ] as [string, string][])
      : []),
    ...(session.needsReview ? ([['Review', 'Needs review']] as [string, string][]) : []),
  ];
  return (
    <>
      <PageHeader title={`Session ${id}`} description="Power curve, meter samples and how it ended." />
      <div className="grid gap-6">
        {isSuspectedStuck(session, lastSampleAt, new Date(), thresholds.stuckNoMeterValuesMinutes * 60_000) ? (
          <Alert variant="error" title="Suspected stuck session">
            No meter value for more than 15 minutes while the session is open. Check the station, or stop the session remotely.
          </Alert>
        ) : null}
        <Card>
          <CardContent className="pt-6">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
              {facts.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-muted-foreground">{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
        {session.needsReview || session.reviewNote ? (
          <Card>
            <CardHeader>
              <CardTitle>{session.needsReview ? 'Needs review' : 'Review'}</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-4">
              {session.reviewNote ? <p className="whitespace-pre-line text-sm">{session.reviewNote}</p> : null}
              {session.needsReview && roleAllows(user.role, 'operator') ? <MarkReviewedForm transactionId={id} action={markReviewedAction} /> : null}
            </CardContent>
          </Card>
        ) : null}
        {billing ? <SessionCostCard billing={billing} /> : null}
        <Card>
          <CardHeader>
            <CardTitle>Power curve</CardTitle>
          </CardHeader>
          <CardContent>
            <PowerCurveChart points={powerCurve(samples)} />
          </CardContent>
        </Card>
        <Table aria-label="Meter samples">
          <THead>
            <Tr>
              <Th>Time (UTC)</Th>
              <Th>Measurand</Th>
              <Th>Phase</Th>
              <Th>Value</Th>
            </Tr>
          </THead>
          <TBody>
            {samples.slice(-100).map((sample, index) => (
              <Tr key={index}>
                <Td className="text-sm">{when(sample.at)}</Td>
                <Td className="text-sm">{sample.measurand}</Td>
                <Td className="text-sm">{sample.phase ?? ''}</Td>
                <Td className="tabular-nums text-sm">
                  {sample.value ?? '—'} {sample.unit}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </div>
    </>
  );
}
