import type { Cell } from './report-types';

/**
 * What a person reads for a report's figure keys (the CSV keeps the keys: they are its column
 * names). Known keys get a label with their unit; any other camelCase key becomes words.
 */
const LABELS: Record<string, string> = {
  stationId: 'Station',
  connectorId: 'Connector',
  siteName: 'Site',
  tariffName: 'Tariff',
  paymentMethod: 'Payment method',
  currency: 'Currency',
  month: 'Month',
  sessions: 'Sessions',
  energyKwh: 'Energy (kWh)',
  avgDurationMinutes: 'Average duration (min)',
  avgEnergyKwh: 'Average energy (kWh)',
  peakPowerKw: 'Peak power (kW)',
  net: 'Net',
  vat: 'VAT',
  gross: 'Gross',
  uptime: 'Uptime',
  ports: 'Ports',
  portsBelowTarget: 'Ports below 97 %',
  faults: 'Faults',
  mtbfHours: 'Mean time between faults (h)',
  mttrMinutes: 'Mean time to recovery (min)',
  errorCode: 'Error code',
  vendorErrorCode: 'Vendor error code',
  vendor: 'Vendor',
  model: 'Model',
  firmware: 'Firmware',
  occupiedShare: 'Occupied',
};

const words = (key: string) => {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};

export function figureLabel(key: string): string {
  if (LABELS[key]) return LABELS[key];
  // chargingShare → "Charging", chargingSeconds → "Charging (h)": shares and durations of a state.
  const state = /^(.+)(Share|Seconds)$/.exec(key);
  if (state) return state[2] === 'Share' ? words(state[1]!) : `${words(state[1]!)} (h)`;
  return words(key);
}

/** A figure as shown: shares as percentages, seconds as hours, numbers grouped, nothing as a dash. */
export function formatFigure(key: string, value: Cell | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'number') return value;
  if (/Share$/.test(key) || key === 'uptime') return `${(value * 100).toFixed(1)} %`;
  if (/Seconds$/.test(key)) return (value / 3600).toLocaleString('en', { maximumFractionDigits: 1 });
  return value.toLocaleString('en');
}
