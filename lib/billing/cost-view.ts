import type { PricedSnapshot } from './transaction-tariff';
import type { SessionCost, TariffDimension } from '../pricing';

const VOLUME_UNITS: Record<TariffDimension, 'Wh' | 's' | 'session'> = { ENERGY: 'Wh', TIME: 's', PARKING_TIME: 's', FLAT: 'session' };

/**
 * A session's cost as the REST API and the dashboard show it. Amounts are integers in the minor unit
 * of `currency` (cents); unit prices are as in the tariff (currency units per kWh / hour / session,
 * excl. VAT); volumes in Wh, seconds, or 1 per session.
 */
export function costView(cost: SessionCost, snapshot: PricedSnapshot) {
  return {
    currency: cost.currency,
    lines: cost.lines.map((line) => ({
      component: line.component,
      elementIndex: line.elementIndex,
      volume: line.volume,
      volumeUnit: VOLUME_UNITS[line.component],
      roundedUpBy: line.roundedUpBy,
      unitPrice: line.unitPrice,
      net: line.net,
      vatRate: line.vatRate,
      vat: line.vat,
      gross: line.gross,
    })),
    minMaxAdjustment: cost.minMaxAdjustment ?? null,
    net: cost.net,
    vat: cost.vat,
    gross: cost.gross,
    isFinal: cost.isFinal,
    pricedFrom: cost.pricedFrom,
    pricedUntil: cost.pricedUntil,
    usage: cost.usage,
    timeZone: snapshot.timeZone,
    tariff: {
      id: snapshot.version.tariffId,
      name: snapshot.tariffName,
      version: snapshot.version.version,
      versionId: snapshot.version.id,
      appliedVia: snapshot.scope,
    },
  };
}
export type CostView = ReturnType<typeof costView>;
