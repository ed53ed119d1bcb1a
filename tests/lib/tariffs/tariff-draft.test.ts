import { describe, expect, it } from 'vitest';
import { tariffSchema, type Tariff } from '@/lib/pricing';
import { draftFromTariff, emptyDraft, tariffFromDraft } from '@/lib/tariffs/tariff-draft';

const full: Tariff = {
  country_code: 'DE',
  party_id: 'CSM',
  currency: 'EUR',
  tariff_alt_text: [{ language: 'en', text: 'Evenings cost more' }],
  parking_grace_seconds: 900,
  min_price: { excl_vat: 1, incl_vat: 1.19 },
  elements: [
    {
      price_components: [{ type: 'TIME', price: 2.5, vat: 19, step_size: 60 }],
      restrictions: { start_time: '18:00', end_time: '06:00', day_of_week: ['SATURDAY', 'SUNDAY'], min_current: 16, max_duration: 7200 },
    },
    { price_components: [{ type: 'ENERGY', price: 0.39, step_size: 1 }] },
  ],
};

describe('the tariff editor draft', () => {
  it('round-trips a tariff, keeping the fields the editor has no input for', () => {
    const draft = draftFromTariff(full);
    expect(draft.graceMinutes).toBe('15');
    expect(draft.elements[0]!.restrictions).toMatchObject({ maxDurationMin: '120', days: ['SATURDAY', 'SUNDAY'] });
    expect(tariffSchema.parse(tariffFromDraft(draft))).toEqual(full);
  });

  it('turns edits into OCPI fields: decimal commas, minutes to seconds, empty inputs removed', () => {
    const draft = draftFromTariff(full);
    draft.elements[0]!.restrictions.startTime = '';
    draft.elements[0]!.restrictions.endTime = '';
    draft.elements[0]!.restrictions.days = [];
    draft.elements[1]!.components[0]!.price = '0,45';
    draft.minPriceExcl = '';
    draft.minPriceIncl = '';
    const tariff = tariffSchema.parse(tariffFromDraft(draft));
    expect(tariff.elements[0]!.restrictions).toEqual({ min_current: 16, max_duration: 7200 });
    expect(tariff.elements[1]!.price_components[0]!.price).toBe(0.45);
    expect(tariff).not.toHaveProperty('min_price');
  });

  it('leaves an empty price for the schema to report on its path', () => {
    const result = tariffSchema.safeParse(tariffFromDraft(emptyDraft()));
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path.join('.')).toBe('elements.0.price_components.0.price');
  });
});
