'use client';

import { useEffect, useState, useTransition } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { formatDuration, formatKw, formatKwh } from '@/components/dashboard/format';
import { formatMinorUnits } from '@/lib/pricing/currency';
import type { DriverConnectorView } from '@/lib/driver-portal/connector-view';
import type { FormState } from '@/lib/actions/form-action';
import { ConnectorSummary } from './connector-summary';
import { EmailNotVerified } from './email-not-verified';

type Outcome = { ok: boolean; message?: string };

/** Only while the live stream is down (or signed out: the stream needs the driver's cookie). */
const FALLBACK_POLL_MS = 10_000;
/** After an accepted start, how long to wait for StartTransaction before telling the driver. */
const START_WAIT_MS = 60_000;

/**
 * The connector page's live part: re-reads its JSON when the driver's event stream
 * (/api/driver/events) says their session or this connector changed; a slow poll only while the
 * stream is down. Start and Stop.
 */
export function ConnectorPanel(props: {
  initial: DriverConnectorView;
  signedIn: boolean;
  driverEmail: string | null;
  signUpOpen: boolean;
  start: (input: { stationId: string; connectorId: number }) => Promise<Outcome>;
  stop: (transactionId: number) => Promise<Outcome>;
  resend: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  const { initial, signedIn } = props;
  const router = useRouter();
  const [view, setView] = useState(initial);
  const [message, setMessage] = useState<string | null>(null);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [pending, startTransition] = useTransition();
  /** 'stream' while the event stream is open; 'polling' while it is down (or signed out). */
  const [live, setLive] = useState<'stream' | 'polling'>('polling');
  const url = `/api/driver/connectors/${encodeURIComponent(initial.stationId)}/${initial.connectorId}`;

  useEffect(() => {
    const clock = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(clock);
  }, []);

  useEffect(() => {
    let closed = false;
    let reading = false;
    let again = false;
    const reload = async () => {
      // One read at a time; a burst of events while reading gives one more read, not many.
      if (reading) return void (again = true);
      reading = true;
      do {
        again = false;
        const response = await fetch(url, { cache: 'no-store' }).catch(() => null);
        if (response?.ok && !closed) setView((await response.json()) as DriverConnectorView);
      } while (again && !closed);
      reading = false;
    };
    let fallback: ReturnType<typeof setInterval> | null = null;
    const streamDown = () => {
      setLive('polling');
      fallback ??= setInterval(reload, FALLBACK_POLL_MS);
    };
    const streamUp = () => {
      setLive('stream');
      if (fallback) clearInterval(fallback);
      fallback = null;
    };
    let source: EventSource | null = null;
    if (signedIn && typeof EventSource !== 'undefined') {
      source = new EventSource(`/api/driver/events?stationId=${encodeURIComponent(initial.stationId)}&connectorId=${initial.connectorId}`);
      source.onopen = () => {
        streamUp();
        void reload(); // what changed while it was connecting
      };
      source.onerror = () => streamDown();
      source.onmessage = () => void reload();
      for (const kind of ['transaction.started', 'transaction.updated', 'transaction.stopped', 'meter.values', 'connector.status', 'station.connected', 'station.disconnected', 'station.updated', 'resync']) {
        source.addEventListener(kind, () => void reload());
      }
    } else {
      streamDown();
    }
    // Back from the mail app (the email confirmed there) or from another tab: read again.
    const onVisible = () => void (document.visibilityState === 'visible' && reload());
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      closed = true;
      source?.close();
      document.removeEventListener('visibilitychange', onVisible);
      if (fallback) clearInterval(fallback);
    };
  }, [url, signedIn, initial.stationId, initial.connectorId]);

  const session = view.session;
  const waitingForStart = startedAt !== null && !session && now - startedAt < START_WAIT_MS;
  const startTimedOut = startedAt !== null && !session && now - startedAt >= START_WAIT_MS;
  const unverified = signedIn && view.emailVerified === false;

  const onStart = () =>
    startTransition(async () => {
      setMessage(null);
      const outcome = await props.start({ stationId: view.stationId, connectorId: view.connectorId });
      if (outcome.ok) setStartedAt(Date.now());
      else setMessage(outcome.message ?? 'Could not start.');
    });
  const onStop = (transactionId: number) =>
    startTransition(async () => {
      setMessage(null);
      const outcome = await props.stop(transactionId);
      if (outcome.ok) router.push(`/driver/sessions/${transactionId}`);
      else setMessage(outcome.message ?? 'Could not stop.');
    });

  const header = <ConnectorSummary view={view} />;

  if (session) {
    return (
      <>
        {header}
        <Card data-live={live} data-testid="connector-live">
          <CardHeader>
            <CardTitle>Charging</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            <dl className="grid grid-cols-2 gap-4" aria-label="Live session">
              <Figure label="Energy" value={formatKwh(session.energyWh)} />
              <Figure label="Power" value={formatKw(session.powerW)} />
              <Figure label="Duration" value={formatDuration(session.startedAt, now)} />
              <Figure label="Cost so far" value={session.costSoFar ? formatMinorUnits(session.costSoFar.gross, session.costSoFar.currency) : '—'} />
            </dl>
            {message ? <Alert variant="error">{message}</Alert> : null}
            <Button variant="destructive" size="lg" className="h-14 w-full text-lg" disabled={pending} onClick={() => onStop(session.transactionId)}>
              {pending ? 'Stopping…' : 'Stop charging'}
            </Button>
          </CardContent>
        </Card>
      </>
    );
  }

  return (
    <>
      {header}
      <Card data-live={live} data-testid="connector-live">
        <CardContent className="space-y-4 pt-4 sm:pt-6">
          {view.availability.reason && !waitingForStart ? <Alert variant="error">{view.availability.reason}</Alert> : null}
          {message ? <Alert variant="error">{message}</Alert> : null}
          {waitingForStart ? <Alert variant="success">Starting… the station accepted. Plug in your car if you have not yet.</Alert> : null}
          {startTimedOut ? <Alert variant="error">The station accepted but has not started. Check the cable and try again.</Alert> : null}
          {unverified ? <EmailNotVerified email={props.driverEmail} resend={props.resend} /> : null}
          {view.blocker ? (
            <Alert variant="error" data-testid="driver-blocker">
              {view.blocker.message}
              {view.blocker.code === 'balance_too_low' ? (
                <Link className="mt-2 block py-2 font-medium underline underline-offset-4" href="/driver/account">
                  Top up on your account page
                </Link>
              ) : null}
            </Alert>
          ) : null}
          {signedIn ? (
            <Button size="lg" className="h-14 w-full text-lg" disabled={pending || waitingForStart || unverified || Boolean(view.blocker) || !view.availability.canStart} onClick={onStart}>
              {pending ? 'Asking the station…' : 'Start charging'}
            </Button>
          ) : (
            <>
              <Button asChild size="lg" className="h-14 w-full text-lg">
                <Link href={`/driver/login?next=${encodeURIComponent(`/c/${view.stationId}/${view.connectorId}`)}`}>Sign in to charge</Link>
              </Button>
              {props.signUpOpen ? (
                <Button asChild variant="outline" size="lg" className="h-14 w-full text-lg">
                  <Link href={`/driver/signup?next=${encodeURIComponent(`/c/${view.stationId}/${view.connectorId}`)}`}>New here? Create an account</Link>
                </Button>
              ) : null}
            </>
          )}
        </CardContent>
      </Card>
    </>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums" aria-label={label}>
        {value}
      </dd>
    </div>
  );
}
