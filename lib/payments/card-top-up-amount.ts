import { z } from 'zod';
import { badRequest } from '../errors';
import { formatMinorUnits, minorUnitExponent } from '../pricing/currency';
import { parseAmount } from '../wallets/parse-amount';

/** Card top-ups, in the wallet's major units: above card fees, below a fraud-sized charge. */
export const CARD_TOP_UP_LIMITS = { min: 5, max: 500 } as const;

/** The limits in the currency's minor units; never below the card provider's minimum charge (`minimumCharge`, minor units). */
export function cardTopUpLimits(currency: string, minimumCharge = 0): { min: number; max: number } {
  const scale = 10 ** minorUnitExponent(currency);
  return { min: Math.max(CARD_TOP_UP_LIMITS.min * scale, minimumCharge), max: CARD_TOP_UP_LIMITS.max * scale };
}

/** A typed decimal amount ("20", "20.50") parsed to minor units and held to the limits. */
export function cardTopUpSchema(currency: string, minimumCharge?: number) {
  const { min, max } = cardTopUpLimits(currency, minimumCharge);
  return z.object({
    amount: z
      .string({ error: 'is required' })
      .trim()
      .min(1, { error: 'is required' })
      .transform((text, ctx) => parseAmount(text, currency) ?? (ctx.addIssue({ code: 'custom', message: 'must be an amount such as 20.00' }), z.NEVER))
      .refine((minor) => minor >= min, { error: `must be at least ${formatMinorUnits(min, currency)}` })
      .refine((minor) => minor <= max, { error: `must be at most ${formatMinorUnits(max, currency)}` }),
  });
}

/** Minor units of a card top-up typed as text; a 400 naming the `amount` field when it does not hold. */
export function parseCardTopUpAmount(text: string, currency: string, minimumCharge?: number): number {
  const parsed = cardTopUpSchema(currency, minimumCharge).safeParse({ amount: text });
  if (!parsed.success) throw badRequest(`Amount ${parsed.error.issues[0]?.message ?? 'is invalid'}.`, 'amount');
  return parsed.data.amount;
}
