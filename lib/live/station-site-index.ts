/**
 * Which site each station belongs to, for the SSE site filter. Matching an event must be
 * synchronous (it runs inside the journal's fan-out), so the map is held in memory: one load per
 * process, reloaded in the background when older than `maxAgeMs`. A station moved to another site
 * is seen by the filter within that age.
 */
export class StationSiteIndex {
  private sites = new Map<string, string>();
  private loadedAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly load: () => Promise<Map<string, string>>,
    private readonly maxAgeMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Resolves once a load no older than `maxAgeMs` is in memory. */
  async ready(): Promise<void> {
    if (this.now() - this.loadedAt > this.maxAgeMs) await this.reload();
  }

  /** The site of a station as last loaded (undefined: none); starts a reload when stale. */
  siteOf(stationId: string): string | undefined {
    if (this.now() - this.loadedAt > this.maxAgeMs) void this.reload().catch(() => {});
    return this.sites.get(stationId);
  }

  private reload(): Promise<void> {
    this.loading ??= this.load()
      .then((sites) => {
        this.sites = sites;
        this.loadedAt = this.now();
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }
}
