import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { LocalListStatus } from '@/lib/local-lists/local-list-status';
import type { FormState } from '@/lib/actions/form-action';
import { LocalListForms } from './local-list-forms';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

const STATE_BADGES = {
  never_sent: <Badge variant="muted">Never sent</Badge>,
  in_sync: <Badge variant="success">In sync</Badge>,
  out_of_date: <Badge variant="warning">Out of date</Badge>,
  version_mismatch: <Badge variant="danger">Version mismatch: send a full list</Badge>,
} as const;

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('en-GB', { timeZone: 'UTC' }) + ' UTC' : '—');

/** The station's local authorization list (OCPP 1.6 §3.5.3): versions, sync state, send/check. */
export function LocalListCard({ status, canSend, actions }: { status: LocalListStatus; canSend: boolean; actions: { send: Action; check: Action } }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Local authorization list</CardTitle>
        <CardDescription>Lets the station authorize these tags while offline. Built from the id tags valid at this station.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <div className="flex flex-wrap items-center gap-2" data-testid="local-list-state">
          {STATE_BADGES[status.state]}
          {status.state === 'out_of_date' ? <span className="text-sm text-muted-foreground">{`${status.pendingChanges} change(s) waiting`}</span> : null}
        </div>
        <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
          <Item label="Version sent" value={`${status.sentVersion}`} detail={when(status.sentAt)} />
          <Item label="Version reported" value={status.reportedVersion === null ? '—' : `${status.reportedVersion}`} detail={when(status.reportedAt)} />
          <Item label="Entries" value={`${status.entries}`} />
          <Item label="Last refusal" value={status.lastError ?? '—'} />
        </dl>
        {canSend ? <LocalListForms stationId={status.stationId} actions={actions} /> : null}
      </CardContent>
    </Card>
  );
}

function Item({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="font-medium">{value}</dd>
      {detail ? <dd className="text-xs text-muted-foreground">{detail}</dd> : null}
    </div>
  );
}
