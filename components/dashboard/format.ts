/** Display formats shared by the dashboard views; storage units are Wh and W. */
export const formatKw = (watts: number | null | undefined) => (watts == null ? '—' : `${(watts / 1000).toFixed(watts >= 100_000 ? 0 : 1)} kW`);
export const formatKwh = (wattHours: number | null | undefined) => (wattHours == null ? '—' : `${(wattHours / 1000).toFixed(wattHours >= 100_000 ? 0 : 2)} kWh`);

export function formatDuration(fromIso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(fromIso)) / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`;
}

export function formatAgo(iso: string | null, now: number): string {
  if (!iso) return 'never';
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}
