import type { ReactNode } from 'react';
import { Label } from '@/components/ui/label';

/** A labelled control in an action card. */
export function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <Label htmlFor={id}>{label}</Label>
      {children}
    </div>
  );
}

/** One <option> per connector id, for the cards' connector selects. */
export function ConnectorOptions({ connectorIds }: { connectorIds: number[] }) {
  return connectorIds.map((connectorId) => (
    <option key={connectorId} value={connectorId}>
      {connectorId}
    </option>
  ));
}
