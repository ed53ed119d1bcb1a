import type { CsmsEvent } from '@/lib/bus/events';

/**
 * Which cached queries an event makes stale. Events carry ids, not state (NOTIFY payloads are
 * small and at-most-once), so the affected queries are re-read. Query keys start with the area:
 * ['overview'], ['stations'], ['station', id], ['sessions'], ['id-tags'],
 * ['commands', stationId], ['messages', stationId], ['diagnostics', stationId],
 * ['firmware-campaign', campaignId], ['firmware-campaigns'].
 */
export function staleQueryKeys(event: CsmsEvent): (readonly unknown[])[] | 'all' {
  switch (event.kind) {
    case 'resync':
      return 'all';
    case 'station.connected':
    case 'station.disconnected':
    case 'station.updated':
    case 'connector.status':
      return [['overview'], ['stations'], ['station', event.stationId], ['messages', event.stationId], ['diagnostics', event.stationId]];
    case 'transaction.started':
    case 'transaction.stopped':
    case 'transaction.updated':
    case 'meter.values':
      return [['overview'], ['sessions'], ['station', event.stationId], ['messages', event.stationId]];
    case 'idTag.updated':
      return [['id-tags']];
    case 'alert.raised':
    case 'alert.cleared':
      return [['alerts'], ['station', event.stationId]];
    case 'command.updated':
      return [['commands', event.stationId], ['messages', event.stationId]];
    case 'message.logged':
      return [['messages', event.stationId]];
    case 'firmware.updated':
      return [['firmware-campaign', event.campaignId], ['firmware-campaigns']];
    case 'payment.updated':
      return [];
  }
}
