/**
 * The pricing engine: pure, deterministic, no I/O. One function prices the live cost so far, the
 * final cost at StopTransaction, invoice lines and the preview calculator.
 *
 *   const tariff = tariffSchema.parse(body);                       // at the boundary
 *   const cost = priceSession(tariff, timeline, { now: ctx.now() }); // anywhere
 *   describeCost(cost).text;                                       // receipts, preview
 */
export {
  DAYS_OF_WEEK,
  ocpiTariffSchema,
  TARIFF_DIMENSIONS,
  TARIFF_TYPES,
  tariffSchema,
  type DayOfWeek,
  type OcpiTariff,
  type Price,
  type PriceComponent,
  type Tariff,
  type TariffDimension,
  type TariffElement,
  type TariffRestrictions,
} from './tariff-schema';
export {
  DEFAULT_IDLE_POWER_THRESHOLD_W,
  type IdlePeriod,
  type MeterSample,
  type SessionTimeline,
  type TimelineOptions,
} from './session-timeline';
export { priceSession, type PricingOptions, type SessionCost } from './price-session';
export type { CostLine } from './cost-lines';
export type { MinMaxAdjustment } from './min-max-price';
export { buildPreviewTimeline, previewCost, type PreviewInput } from './preview-timeline';
export { deriveChargingPeriods, type ChargingPeriod } from './charging-periods';
export { describeCost, formatBilledDuration, type CostExplanation, type CostRow } from './describe-cost';
export { formatMinorUnits, minorUnitExponent } from './currency';
export { localDateTimeToInstant } from './local-time';
export { isTariffActiveAt } from './tariff-validity';
