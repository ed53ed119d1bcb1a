import type postgres from 'postgres';
import { launchBrowser, signIn } from '../tests/support/browser';
import { percentiles } from './lib/percentiles';

export interface RenderResult {
  stationsInDatabase: number;
  /** Navigation start → first station row visible, ms (in the page's clock). */
  firstRowsMs: number;
  /** Navigation start → the total count shown (every row loaded into the virtual list), ms. */
  allRowsMs: number;
  /** Row elements in the DOM after loading: the virtual list renders only what is visible. */
  domRows: number;
  /** One scroll step → the rows of the new offset painted (two animation frames), ms. */
  scrollFrame: ReturnType<typeof percentiles>;
  /** Main-thread long tasks (> 50 ms) during the scroll. */
  longTasks: { count: number; totalMs: number };
}

/** Stations (and two connectors each) the page has to show, with varied status, vendor and model. */
export async function seedStations(sql: postgres.Sql, count: number): Promise<void> {
  await sql`insert into stations (id, vendor, model, online, last_seen_at)
    select 'ROW-' || lpad(n::text, 5, '0'), 'Vendor ' || (n % 7), 'Model ' || (n % 13), n % 5 <> 0, now() - (n % 600) * interval '1 second'
    from generate_series(1, ${count}) n on conflict do nothing`;
  await sql`insert into connectors (station_id, connector_id, status, error_code, status_at)
    select 'ROW-' || lpad(n::text, 5, '0'), c,
      (array['Available', 'Charging', 'Preparing', 'Faulted', 'Unavailable'])[1 + (n + c) % 5], 'NoError', now()
    from generate_series(1, ${count}) n, generate_series(1, 2) c on conflict do nothing`;
}

/**
 * The stations page in Debian's Chromium (playwright-core): time to the first visible rows and to
 * the whole list, then 60 scroll steps from top to bottom, each timed until the new rows are painted.
 */
export async function measureStationsPage(input: { baseUrl: string; email: string; password: string; expectedTotal: number }): Promise<RenderResult> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, input.baseUrl, input.email, input.password);
    await page.goto(`${input.baseUrl}/stations`, { waitUntil: 'commit' });
    await page.locator('[data-station]').first().waitFor({ state: 'visible', timeout: 120_000 });
    const firstRowsMs = await page.evaluate(() => performance.now());
    await page.getByText(`${input.expectedTotal} stations`).waitFor({ timeout: 120_000 });
    const allRowsMs = await page.evaluate(() => performance.now());
    const domRows = await page.locator('[data-station]').count();
    const scroll = await page.evaluate(async () => {
      const scroller = document.querySelector<HTMLElement>('[role="list"][aria-label="Stations"]')!;
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration)));
      observer.observe({ type: 'longtask', buffered: false });
      const frames: number[] = [];
      const steps = 60;
      for (let step = 1; step <= steps; step++) {
        const started = performance.now();
        scroller.scrollTop = (step / steps) * (scroller.scrollHeight - scroller.clientHeight);
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        frames.push(performance.now() - started);
      }
      observer.disconnect();
      const lastRow = [...document.querySelectorAll('[data-station]')].at(-1)?.getAttribute('data-station') ?? null;
      return { frames, longTasks, lastRow };
    });
    if (!scroll.lastRow) throw new Error('no rows rendered after scrolling');
    return {
      stationsInDatabase: input.expectedTotal,
      firstRowsMs,
      allRowsMs,
      domRows,
      scrollFrame: percentiles(scroll.frames),
      longTasks: { count: scroll.longTasks.length, totalMs: scroll.longTasks.reduce((a, b) => a + b, 0) },
    };
  } finally {
    await browser.close();
  }
}
