import { Badge, type BadgeVariant } from '@/components/ui/badge';

const variants: Record<string, BadgeVariant> = {
  available: 'success',
  charging: 'default',
  occupied: 'warning',
  faulted: 'danger',
  unavailable: 'muted',
  offline: 'muted',
  unknown: 'outline',
  pending: 'warning',
  rejected: 'danger',
};

const labels: Record<string, string> = {
  available: 'Available', charging: 'Charging', occupied: 'Occupied', faulted: 'Faulted', unavailable: 'Unavailable',
  offline: 'Offline', unknown: 'Unknown', pending: 'Pending approval', rejected: 'Rejected',
  preparing: 'Preparing', suspendedev: 'Suspended (EV)', suspendedevse: 'Suspended (EVSE)', finishing: 'Finishing', reserved: 'Reserved',
};

/** A station's derived status ('charging') or a connector's OCPP status ('SuspendedEV'). */
export function StatusBadge({ status }: { status: string }) {
  const key = status.toLowerCase();
  const variant = variants[key] ?? (['preparing', 'suspendedev', 'suspendedevse', 'finishing', 'reserved'].includes(key) ? 'warning' : 'outline');
  return <Badge variant={variant}>{labels[key] ?? status}</Badge>;
}
