import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { formatKwh } from '@/components/dashboard/format';
import { formatBilledDuration } from '@/lib/pricing';
import { formatMinorUnits } from '@/lib/pricing/currency';
import type { DriverReceipt } from '@/lib/driver-portal/driver-history';

const LINE_NAMES = { ENERGY: 'Energy', TIME: 'Charging time', PARKING_TIME: 'Parking time', FLAT: 'Session fee' } as const;
const when = (date: Date) => date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }) + ' UTC';

function volume(line: { volume: number; volumeUnit: 'Wh' | 's' | 'session' }): string {
  if (line.volumeUnit === 'Wh') return formatKwh(line.volume);
  if (line.volumeUnit === 's') return formatBilledDuration(line.volume);
  return '1';
}

/**
 * A stopped session's receipt: times, energy, each priced line with VAT, and the total. A session
 * invoiced monthly shows its price as stored at the stop (the lines its monthly invoice carries,
 * included energy and discount among them) and that invoice's number once issued.
 */
export function ReceiptView({ receipt }: { receipt: DriverReceipt }) {
  const { cost, monthly } = receipt;
  const currency = monthly?.currency ?? cost?.currency;
  const money = (amount: number) => (currency ? formatMinorUnits(amount, currency) : '—');
  const energyWh = receipt.meterStop === null ? null : Math.max(receipt.meterStop - receipt.meterStart, 0);
  const lines = monthly
    ? monthly.lines.map((line) => ({ label: line.description, gross: line.gross }))
    : [...(cost?.lines ?? []).map((line) => ({ label: `${LINE_NAMES[line.component]} · ${volume(line)}`, gross: line.gross })), ...(receipt.invoiced?.lines ?? []).map((line) => ({ label: line.description, gross: line.gross }))];
  const totals = monthly ?? receipt.invoiced ?? cost;
  return (
    <Card>
      <CardHeader>
        <CardDescription>{`Session ${receipt.id} · ${receipt.stationId} · connector ${receipt.connectorId}`}</CardDescription>
        <CardTitle as="h1" className="text-2xl">
          Receipt
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <dl className="grid grid-cols-1 gap-2 text-sm">
          <Row label="Started" value={when(receipt.startedAt)} />
          <Row label="Stopped" value={receipt.stoppedAt ? when(receipt.stoppedAt) : '—'} />
          <Row label="Energy" value={formatKwh(energyWh)} />
          {monthly ? <Row label="Invoice" value={monthly.invoiceNumber ? `Monthly invoice ${monthly.invoiceNumber}` : `Monthly invoice for ${monthly.month} (not issued yet)`} /> : null}
        </dl>
        {totals ? (
          <table className="w-full text-sm">
            <caption className="sr-only">Priced lines</caption>
            <thead>
              <tr className="text-left text-muted-foreground">
                <th className="py-1 font-normal">Item</th>
                <th className="py-1 text-right font-normal">Amount</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line, index) => (
                <tr key={index} className="border-t">
                  <td className="py-2">{line.label}</td>
                  <td className="py-2 text-right tabular-nums">{money(line.gross)}</td>
                </tr>
              ))}
              <tr className="border-t text-muted-foreground">
                <td className="py-2">VAT included</td>
                <td className="py-2 text-right tabular-nums">{money(totals.vat)}</td>
              </tr>
              <tr className="border-t text-base font-semibold">
                <td className="py-2">Total</td>
                <td className="py-2 text-right tabular-nums" data-testid="receipt-total">
                  {money(totals.gross)}
                </td>
              </tr>
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-muted-foreground">{receipt.costUnavailable?.message ?? 'No price applies to this session.'}</p>
        )}
      </CardContent>
    </Card>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex justify-between gap-4">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="text-right font-medium">{value}</dd>
    </div>
  );
}
