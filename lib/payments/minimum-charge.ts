import { badRequest } from '../errors';
import { formatMinorUnits, minorUnitExponent } from '../pricing/currency';
import type { PaymentProvider } from './provider';

/**
 * Stripe's minimum charge per presentment currency, in major units (docs.stripe.com/currencies,
 * "Minimum and maximum charge amounts"). Stripe refuses a smaller PaymentIntent or Checkout
 * amount; for a currency not listed it asks for the equivalent of USD 0.50 in the settlement
 * currency, which depends on the exchange rate, so those are left to Stripe's own answer.
 */
const STRIPE_MINIMUM_CHARGES: Readonly<Record<string, string>> = {
  USD: '0.50', AED: '2.00', AUD: '0.50', BGN: '1.00', BRL: '0.50', CAD: '0.50', CHF: '0.50', CZK: '15.00',
  DKK: '2.50', EUR: '0.50', GBP: '0.30', HKD: '4.00', HUF: '175.00', INR: '0.50', JPY: '50', MXN: '10',
  MYR: '2', NOK: '3.00', NZD: '0.50', PLN: '2.00', RON: '2.00', SEK: '3.00', SGD: '0.50', THB: '10',
};

/** Stripe's minimum charge in the currency's minor units; undefined when Stripe lists none for it. */
export function stripeMinimumCharge(currency: string): number | undefined {
  const major = STRIPE_MINIMUM_CHARGES[currency];
  if (major === undefined) return undefined;
  const [whole, fraction = ''] = major.split('.');
  const exponent = minorUnitExponent(currency);
  return Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, '0').slice(0, exponent) || 0);
}

/**
 * Refuses, before anything is sent to the provider or stored, a card charge below the provider's
 * minimum for the currency: a 400 naming the `amount` field.
 */
export function assertAboveMinimumCharge(provider: Pick<PaymentProvider, 'minimumCharge'>, amount: number, currency: string): void {
  const minimum = provider.minimumCharge?.(currency);
  if (minimum === undefined || amount >= minimum) return;
  throw badRequest(`amount: ${formatMinorUnits(amount, currency)} is below the card minimum of ${formatMinorUnits(minimum, currency)}; smaller amounts cannot be paid by card`, 'amount');
}
