import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '@/lib/env';

describe('parseEnv', () => {
  it('gives the documented defaults for an empty environment', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, OCPP_PORT: 9000, DATA_DIR: './data', OCPP_UNKNOWN_STATIONS: 'accept' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.dataDir).toMatch(/\/data$/);
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', NEXTAUTH_SECRET: ' ' }).DATABASE_URL).toBeUndefined();
    expect(parseEnv({ MAP_TILE_URL: '' }).MAP_TILE_URL).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
  });

  it('takes a tile URL template, or none for a map without tiles', () => {
    expect(parseEnv({ MAP_TILE_URL: 'https://{s}.tiles.example.com/{z}/{x}/{y}.png' }).MAP_TILE_URL).toBe('https://{s}.tiles.example.com/{z}/{x}/{y}.png');
    expect(parseEnv({ MAP_TILE_URL: 'none' }).MAP_TILE_URL).toBe('none');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ OCPP_PORT: '70000' }, 'OCPP_PORT'],
    [{ OCPP_UNKNOWN_STATIONS: 'maybe' }, 'OCPP_UNKNOWN_STATIONS'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ NEXTAUTH_SECRET: 'short' }, 'NEXTAUTH_SECRET'],
    [{ ADMIN_EMAIL: 'a@example.com' }, 'ADMIN_PASSWORD'],
    [{ MAP_TILE_URL: 'https://tiles.example.com/map.png' }, 'MAP_TILE_URL'],
    [{ ALERT_ZERO_POWER_MINUTES: '0' }, 'ALERT_ZERO_POWER_MINUTES'],
    [{ STRIPE_SECRET_KEY: 'sk_test_1' }, 'STRIPE_WEBHOOK_SECRET'],
  ])('fails on %o with a message naming %s', (source, variable) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(new RegExp(`${variable}:`));
  });
});
