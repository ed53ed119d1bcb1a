import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

export interface RecordedStripeRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  /** The form-encoded body Stripe's SDK sent (`line_items[0][price_data][currency]=eur`…). */
  form: URLSearchParams;
}

export interface StripeTestServer {
  /** http://127.0.0.1:PORT — what STRIPE_API_BASE points at. */
  url: string;
  requests: RecordedStripeRequest[];
  /** The Checkout Sessions created, as answered (the documented object); a test may mark one paid. */
  sessions: Map<string, Record<string, unknown>>;
  close(): Promise<void>;
}

/**
 * A local HTTP server playing Stripe's API for POST /v1/checkout/sessions (and GET …/{id}, POST
 * …/{id}/expire): it records each request and answers with a Checkout Session object as documented
 * (https://docs.stripe.com/api/checkout/sessions/object), open and unpaid. Its `url` points to /pay/{id} here, a tiny page standing in for Stripe's hosted
 * page that sends the browser to the session's success_url, as Stripe does after a card is accepted.
 */
export async function startStripeTestServer(): Promise<StripeTestServer> {
  const requests: RecordedStripeRequest[] = [];
  const sessions = new Map<string, Record<string, unknown>>();
  let origin = '';
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', origin).pathname;
      const pay = /^\/pay\/(cs_test_\w+)$/.exec(path);
      if (req.method === 'GET' && pay) {
        const session = sessions.get(pay[1]!);
        if (!session) return void res.writeHead(404).end('unknown session');
        return void res.writeHead(303, { location: String(session.success_url) }).end();
      }
      const form = new URLSearchParams(body);
      requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization, contentType: req.headers['content-type'], form });
      const existing = /^\/v1\/checkout\/sessions\/(cs_test_\w+)(\/expire)?$/.exec(path);
      if (existing) {
        const session = sessions.get(existing[1]!);
        const json = (status: number, body: unknown) => void res.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req_x' }).end(JSON.stringify(body));
        if (!session) return json(404, { error: { type: 'invalid_request_error', message: `No such checkout.session: '${existing[1]}'` } });
        if (req.method === 'GET' && !existing[2]) return json(200, session);
        if (req.method === 'POST' && existing[2]) {
          // As documented: only an open session can be expired.
          if (session.status !== 'open') return json(400, { error: { type: 'invalid_request_error', message: 'Only Checkout Sessions with a status of open can be expired.' } });
          session.status = 'expired';
          return json(200, session);
        }
      }
      if (req.method === 'POST' && path === '/v1/checkout/sessions') {
        const session = checkoutSession(`cs_test_${sessions.size + 1}`, form, origin);
        sessions.set(session.id, session);
        return void res.writeHead(200, { 'content-type': 'application/json', 'request-id': `req_${sessions.size}` }).end(JSON.stringify(session));
      }
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${path})` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: origin, requests, sessions, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function checkoutSession(id: string, form: URLSearchParams, origin: string) {
  const amount = Number(form.get('line_items[0][price_data][unit_amount]')) * Number(form.get('line_items[0][quantity]') ?? 1);
  const metadata = Object.fromEntries([...form.entries()].flatMap(([key, value]) => (/^metadata\[(\w+)\]$/.exec(key) ? [[key.slice(9, -1), value]] : [])));
  return {
    id,
    object: 'checkout.session' as const,
    amount_subtotal: amount,
    amount_total: amount,
    cancel_url: form.get('cancel_url'),
    client_reference_id: form.get('client_reference_id'),
    created: Math.floor(Date.now() / 1000),
    currency: form.get('line_items[0][price_data][currency]'),
    expires_at: Number(form.get('expires_at')),
    livemode: false,
    metadata,
    mode: form.get('mode'),
    payment_intent: null,
    payment_status: 'unpaid',
    status: 'open',
    success_url: form.get('success_url'),
    url: `${origin}/pay/${id}`,
  };
}

/** A Stripe event around a Checkout Session, as JSON, with a valid Stripe-Signature header for `secret`. */
export function signedCheckoutEvent(type: string, session: Record<string, unknown>, secret: string, eventId = `evt_${Math.random().toString(36).slice(2)}`) {
  const payload = JSON.stringify({ id: eventId, object: 'event', api_version: '2025-01-01', created: Math.floor(Date.now() / 1000), livemode: false, type, data: { object: session } });
  const signature = new Stripe('sk_test_signer').webhooks.generateTestHeaderString({ payload, secret });
  return { payload, signature };
}
