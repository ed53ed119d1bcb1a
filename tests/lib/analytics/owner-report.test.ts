import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { at, seedBerlinNight } from './scenario';
import { buildOwnerReportPdf } from '@/lib/analytics/owner-report-pdf';
import { refreshRollups } from '@/lib/analytics/refresh-rollups';
import { getLocalMonthRange } from '@/lib/db/queries/analytics-reports';

let t: TestDatabase;
let siteId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  ({ siteId } = await seedBerlinNight(t.db));
  await refreshRollups(t.db, { from: at('2026-03-28T00:00:00'), to: at('2026-03-29T05:00:00'), now: at('2026-03-29T05:00:00') });
});
afterAll(() => t?.drop());

describe('monthly owner report', () => {
  it('takes the month in the site time zone (March in Berlin: CET start, CEST end)', async () => {
    expect(await getLocalMonthRange(t.db, '2026-03', 'Europe/Berlin')).toEqual({ from: at('2026-02-28T23:00:00'), to: at('2026-03-31T22:00:00') });
  });

  it('is a one-page PDF titled with the site and month', async () => {
    const bytes = await buildOwnerReportPdf(t.db, { siteId, siteName: 'Berlin', timeZone: 'Europe/Berlin', month: '2026-03' }, at('2026-03-29T05:00:00'));
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe('Berlin — 2026-03');
  });
});
