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

  it('takes STRIPE_API_BASE as an origin (stripe-mock, a test server)', () => {
    expect(parseEnv({ STRIPE_API_BASE: 'http://127.0.0.1:12111' }).STRIPE_API_BASE).toBe('http://127.0.0.1:12111');
    expect(parseEnv({}).STRIPE_API_BASE).toBeUndefined();
  });

  it('stores files on disk unless a bucket is named, then in S3 with path-style URLs and us-east-1 by default', () => {
    expect(parseEnv({}).storageS3).toBeUndefined();
    const keys = { STORAGE_S3_ACCESS_KEY_ID: 'key', STORAGE_S3_SECRET_ACCESS_KEY: 'secret' };
    expect(parseEnv({ STORAGE_S3_BUCKET: 'csms', STORAGE_S3_ENDPOINT: 'http://127.0.0.1:9000', ...keys }).storageS3).toEqual({
      endpoint: 'http://127.0.0.1:9000', bucket: 'csms', region: 'us-east-1', accessKeyId: 'key', secretAccessKey: 'secret', forcePathStyle: true,
    });
    expect(parseEnv({ STORAGE_S3_BUCKET: 'csms', STORAGE_S3_REGION: 'eu-central-1', STORAGE_S3_FORCE_PATH_STYLE: 'false', ...keys }).storageS3).toMatchObject({ endpoint: undefined, region: 'eu-central-1', forcePathStyle: false });
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
    [{ STRIPE_API_BASE: 'localhost:12111' }, 'STRIPE_API_BASE'],
    [{ STRIPE_API_BASE: 'http://127.0.0.1:12111/v1' }, 'STRIPE_API_BASE'],
    [{ STORAGE_S3_BUCKET: 'b', STORAGE_S3_SECRET_ACCESS_KEY: 's' }, 'STORAGE_S3_ACCESS_KEY_ID'],
    [{ STORAGE_S3_BUCKET: 'b', STORAGE_S3_ACCESS_KEY_ID: 'k' }, 'STORAGE_S3_SECRET_ACCESS_KEY'],
    [{ STORAGE_S3_ENDPOINT: 'http://127.0.0.1:9000', STORAGE_S3_ACCESS_KEY_ID: 'k', STORAGE_S3_SECRET_ACCESS_KEY: 's' }, 'STORAGE_S3_BUCKET'],
    [{ STORAGE_S3_ENDPOINT: 'minio:9000' }, 'STORAGE_S3_ENDPOINT'],
    [{ STORAGE_S3_FORCE_PATH_STYLE: 'yes' }, 'STORAGE_S3_FORCE_PATH_STYLE'],
  ])('fails on %o with a message naming %s', (source, variable) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(new RegExp(`${variable}:`));
  });
});
