import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startApp, type AppProcess } from '../support/app-process';
import { connectAppDatabase } from '../support/app-database';

let app: AppProcess;
let adminToken: string;

beforeAll(async () => {
  app = await startApp({ env: { ADMIN_EMAIL: 'seed@example.com', ADMIN_PASSWORD: 'seeded admin password' } });
});
afterAll(async () => {
  await app?.stop();
});

const call = (path: string, init: RequestInit & { token?: string } = {}) =>
  fetch(`${app.baseUrl}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...init.headers },
  });

const lastLine = (text: string) => text.trim().split('\n').at(-1)!;

describe('REST API against the running system', () => {
  it('creates an admin token from the shell while npm start runs, printed alone on the last line', async () => {
    const result = await runCli(['token', 'create', '--name', 'ci', '--role', 'admin'], app.env);
    expect(result.code, result.stderr).toBe(0);
    adminToken = lastLine(result.stdout);
    expect(adminToken).toMatch(/^csms_[A-Za-z0-9_-]{43}$/);
    const me = await call('/api/v1/me', { token: adminToken });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ type: 'token', role: 'admin', label: 'token:ci' });
  });

  it('seeded the first admin from ADMIN_EMAIL and ADMIN_PASSWORD', async () => {
    const body = (await (await call('/api/v1/users', { token: adminToken })).json()) as { data: { email: string; role: string }[] };
    expect(body.data).toEqual([expect.objectContaining({ email: 'seed@example.com', role: 'admin' })]);
  });

  it('answers 401 without credentials and with an unknown token', async () => {
    const anonymous = await call('/api/v1/users');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    expect((await call('/api/v1/me', { token: 'csms_not-a-real-token' })).status).toBe(401);
  });

  it('answers 403 to a token whose role is too low', async () => {
    const created = await call('/api/v1/api-tokens', { method: 'POST', token: adminToken, body: JSON.stringify({ name: 'dash', role: 'viewer' }) });
    expect(created.status).toBe(201);
    const viewer = (await created.json()) as { token: string; id: string };
    expect((await call('/api/v1/me', { token: viewer.token })).status).toBe(200);
    const forbidden = await call('/api/v1/users', { token: viewer.token });
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { error: { code: string } }).error.code).toBe('forbidden');

    expect((await call(`/api/v1/api-tokens/${viewer.id}`, { method: 'DELETE', token: adminToken })).status).toBe(204);
    expect((await call('/api/v1/me', { token: viewer.token })).status).toBe(401);
  });

  it('answers 400 naming the field for a body of the wrong shape, and for bad JSON', async () => {
    const badRole = await call('/api/v1/users', {
      method: 'POST',
      token: adminToken,
      body: JSON.stringify({ email: 'x@example.com', name: 'X', password: 'long enough password', role: 'root' }),
    });
    expect(badRole.status).toBe(400);
    expect(await badRole.json()).toEqual({ error: { code: 'invalid_request', field: 'role', message: 'role: must be one of admin, operator, viewer' } });

    const badJson = await call('/api/v1/users', { method: 'POST', token: adminToken, body: '{"email":' });
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as { error: { code: string } }).error.code).toBe('invalid_json');

    const badId = await call('/api/v1/users/not-a-uuid', { token: adminToken });
    expect(badId.status).toBe(400);
    expect(((await badId.json()) as { error: { field: string } }).error.field).toBe('id');
  });

  it('answers JSON 404 for an unknown route under /api/v1, never HTML', async () => {
    const response = await call('/api/v1/no-such-thing/42', { token: adminToken });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('changes settings through the API and audits it with the token as actor', async () => {
    const patched = await call('/api/v1/settings', { method: 'PATCH', token: adminToken, body: JSON.stringify({ unknownStations: 'pending' }) });
    expect(await patched.json()).toEqual({ unknownStations: 'pending', alertThresholds: expect.any(Object) });
    const invalid = await call('/api/v1/settings', { method: 'PATCH', token: adminToken, body: JSON.stringify({ unknownStations: 'maybe' }) });
    expect(((await invalid.json()) as { error: { field: string } }).error.field).toBe('unknownStations');
    const audit = (await (await call('/api/v1/audit-log?action=settings.', { token: adminToken })).json()) as { data: unknown[] };
    expect(audit.data).toEqual([expect.objectContaining({ actorType: 'token', actorLabel: 'token:ci', before: expect.objectContaining({ unknownStations: 'accept' }), after: expect.objectContaining({ unknownStations: 'pending' }) })]);
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas, and a docs page', async () => {
    const document = (await (await call('/api/v1/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> };
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/api/v1/users']?.post?.requestBody).toMatchObject({
      content: { 'application/json': { schema: { properties: { role: { enum: ['admin', 'operator', 'viewer'] } } } } },
    });
    const docs = await fetch(`${app.baseUrl}/api-docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/api/v1/api-tokens/{id}');
  });

  it('reports database and OCPP server liveness on /api/health without credentials', async () => {
    let health: { status: string; database: { ok: boolean }; ocpp: { ok: boolean; nodes: unknown[] } } | undefined;
    for (let attempt = 0; attempt < 50; attempt++) {
      health = (await (await fetch(`${app.baseUrl}/api/health`)).json()) as typeof health;
      if (health?.ocpp.ok) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(health).toMatchObject({ status: 'ok', database: { ok: true }, ocpp: { ok: true } });
    expect(health!.ocpp.nodes.length).toBe(1);
  });

  it('streams live events published by another process over SSE, filtered by station', async () => {
    const abort = new AbortController();
    const response = await fetch(`${app.baseUrl}/api/v1/events?stationId=CP-1`, { headers: { authorization: `Bearer ${adminToken}` }, signal: abort.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes(': connected')) text += new TextDecoder().decode((await reader.read()).value);

    // Publish as the OCPP server does: a NOTIFY on the shared database, from a different connection.
    const sql = connectAppDatabase(app);
    const events = [
      { kind: 'connector.status', stationId: 'CP-2', connectorId: 1 },
      { kind: 'connector.status', stationId: 'CP-1', connectorId: 1 },
    ];
    for (let attempt = 0; attempt < 50 && !text.includes('"stationId":"CP-1"'); attempt++) {
      await sql.notify('csms_events', JSON.stringify(events));
      const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), 200))]);
      if (chunk?.value) text += new TextDecoder().decode(chunk.value);
    }
    await sql.end();
    abort.abort();
    expect(text).toMatch(/id: [0-9a-f]+-\d+\nevent: connector.status\ndata: \{"kind":"connector.status","stationId":"CP-1","connectorId":1\}/);
    expect(text).not.toContain('CP-2');
  });

  it('creates a token from the shell when the system is not running, and it works after the next start', async () => {
    await app.stop();
    const result = await runCli(['token', 'create', '--name', 'offline', '--role', 'operator'], app.env);
    expect(result.code, result.stderr).toBe(0);
    const token = lastLine(result.stdout);
    const bad = await runCli(['token', 'create', '--name', 'x', '--role', 'root'], app.env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--role');

    app = await startApp({ dataDir: app.dataDir });
    const me = await call('/api/v1/me', { token });
    expect(await me.json()).toMatchObject({ role: 'operator', label: 'token:offline' });
  });
});
