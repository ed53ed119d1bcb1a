'use client';

import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useRef } from 'react';
import type { LayerGroup, Map as LeafletMap } from 'leaflet';
import { siteMapStatus, SITE_MAP_COLOURS, SITE_MAP_LABELS } from '@/lib/sites/site-map-status';
import type { SiteListItem } from './site-list-view';

const OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

/**
 * Sites with coordinates as circle markers (SVG: no marker images, nothing to download) coloured by
 * their status summary; a click opens a popup with the counts and a link. Tiles come from
 * `tileUrl` (MAP_TILE_URL, or none): without them the markers still render on a blank map.
 */
export function SiteMap({ sites, tileUrl }: { sites: SiteListItem[]; tileUrl: string }) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<{ map: LeafletMap; markers: LayerGroup; fitted: boolean } | null>(null);
  const placed = useMemo(() => sites.filter((site) => site.latitude !== null && site.longitude !== null), [sites]);

  useEffect(() => {
    let cancelled = false;
    void import('leaflet').then((L) => {
      if (cancelled || !container.current || map.current) return;
      const instance = L.map(container.current, { scrollWheelZoom: false }).setView([20, 0], 2);
      if (tileUrl !== 'none') L.tileLayer(tileUrl, { maxZoom: 19, attribution: tileUrl.includes('openstreetmap.org') ? OSM_ATTRIBUTION : '' }).addTo(instance);
      map.current = { map: instance, markers: L.layerGroup().addTo(instance), fitted: false };
      drawMarkers(L, map.current, placed);
    });
    return () => {
      cancelled = true;
      map.current?.map.remove();
      map.current = null;
    };
    // The map is created once; markers follow `sites` in the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tileUrl]);

  useEffect(() => {
    if (!map.current) return;
    void import('leaflet').then((L) => map.current && drawMarkers(L, map.current, placed));
  }, [placed]);

  return (
    <div className="space-y-2">
      <div ref={container} className="h-80 w-full overflow-hidden rounded-lg border border-border bg-muted" role="region" aria-label="Map of sites" />
      <p className="text-xs text-muted-foreground">
        {Object.entries(SITE_MAP_LABELS).map(([status, label]) => (
          <span key={status} className="mr-3 inline-flex items-center gap-1">
            <span aria-hidden className="inline-block size-2.5 rounded-full" style={{ background: SITE_MAP_COLOURS[status as keyof typeof SITE_MAP_COLOURS] }} />
            {label}
          </span>
        ))}
        {sites.length > placed.length ? ` · ${sites.length - placed.length} site${sites.length - placed.length === 1 ? '' : 's'} without coordinates not shown` : ''}
      </p>
    </div>
  );
}

function drawMarkers(L: typeof import('leaflet'), target: { map: LeafletMap; markers: LayerGroup; fitted: boolean }, sites: SiteListItem[]) {
  target.markers.clearLayers();
  for (const site of sites) {
    const status = siteMapStatus(site.summary);
    const colour = SITE_MAP_COLOURS[status];
    L.circleMarker([site.latitude!, site.longitude!], { radius: 10, color: '#ffffff', weight: 2, fillColor: colour, fillOpacity: 0.9, className: `site-marker site-marker-${status}` })
      .bindTooltip(site.name)
      .bindPopup(() => popupContent(site, SITE_MAP_LABELS[status]))
      .addTo(target.markers);
  }
  if (!target.fitted && sites.length > 0) {
    target.map.fitBounds(L.latLngBounds(sites.map((site) => [site.latitude!, site.longitude!])), { maxZoom: 12, padding: [32, 32] });
    target.fitted = true;
  }
}

/** Built from DOM nodes with textContent: site names are operator input, never HTML. */
function popupContent(site: SiteListItem, statusLabel: string): HTMLElement {
  const root = document.createElement('div');
  root.className = 'space-y-1 text-sm';
  const title = document.createElement('p');
  title.className = 'font-semibold';
  title.textContent = site.name;
  const counts = document.createElement('p');
  const s = site.summary;
  counts.textContent = `${s.stations} station${s.stations === 1 ? '' : 's'}: ${s.online} online, ${s.offline} offline, ${s.charging} charging, ${s.faulted} faulted`;
  const status = document.createElement('p');
  status.textContent = `Status: ${statusLabel}`;
  const link = document.createElement('a');
  link.href = `/sites/${encodeURIComponent(site.id)}`;
  link.textContent = `Open ${site.name}`;
  link.className = 'underline';
  root.append(title, counts, status, link);
  return root;
}
