import { formatBilledDuration, type Tariff, type TariffDimension } from '../pricing';

const UNITS: Record<TariffDimension, string> = { ENERGY: '/kWh', TIME: '/h charging', PARKING_TIME: '/h parking', FLAT: ' per session' };

/** "€0.30/kWh · €1.00 per session · €6.00/h parking (10 min free)" — the unrestricted prices, for lists. */
export function summarizeTariff(tariff: Tariff, locale = 'en'): string {
  const money = (price: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: tariff.currency, maximumFractionDigits: 4 }).format(price);
  const parts = tariff.elements.flatMap((element, index) =>
    element.price_components.map((component) => {
      let part = `${money(component.price)}${UNITS[component.type]}`;
      if (component.type === 'PARKING_TIME' && tariff.parking_grace_seconds) part += ` (${formatBilledDuration(tariff.parking_grace_seconds)} free)`;
      return element.restrictions && Object.keys(element.restrictions).length > 0 ? `${part} [element ${index + 1}, restricted]` : part;
    }),
  );
  return parts.join(' · ');
}

export interface AssignmentTargetFields {
  scope: 'default' | 'site' | 'station' | 'connector';
  siteName: string | null;
  stationId: string | null;
  connectorId: number | null;
}

export function describeAssignmentTarget(assignment: AssignmentTargetFields): string {
  switch (assignment.scope) {
    case 'default':
      return 'Default (wherever no other tariff is assigned)';
    case 'site':
      return `Site ${assignment.siteName ?? '(deleted)'}`;
    case 'station':
      return `Station ${assignment.stationId}`;
    case 'connector':
      return `Station ${assignment.stationId}, connector ${assignment.connectorId}`;
  }
}
