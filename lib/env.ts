import path from 'node:path';
import { z } from 'zod';
import { passwordSchema } from './auth/password-policy';
import type { S3StorageConfig } from './storage/s3-storage';

/**
 * The only reader of process.env in the project. Every variable is declared here, parsed once,
 * and a bad value fails at start with a message naming the variable.
 */
const port = z.coerce.number().int().min(1).max(65535);
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    DATA_DIR: z.string().min(1).default('./data'),
    EMBEDDED_DB_PORT: port.default(5433),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: port.default(3000),
    OCPP_PORT: port.default(9000),
    OCPP_UNKNOWN_STATIONS: z.enum(['accept', 'pending', 'reject']).default('accept'),
    OCPP_NODE_ID: optionalText,
    OCPP_TLS_CERT: optionalText,
    OCPP_TLS_KEY: optionalText,
    OCPP_MAX_FRAME_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
    OCPP_HEARTBEAT_INTERVAL: z.coerce.number().int().min(1).default(300),
    OCPP_OFFLINE_GRACE: z.coerce.number().int().min(0).default(60),
    OCPP_PING_INTERVAL: z.coerce.number().int().min(0).default(60),
    OCPP_NODE_DEAD_AFTER: z.coerce.number().int().min(2).default(30),
    OCPP_CALL_TIMEOUT: z.coerce.number().int().min(1).default(30),
    OCPP_MESSAGE_LOG_RETENTION_HOURS: z.coerce.number().int().min(1).default(168),
    OCPP_MESSAGE_LOG_MAX_ROWS: z.coerce.number().int().min(1000).default(1_000_000),
    STORAGE_S3_ENDPOINT: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    STORAGE_S3_BUCKET: optionalText,
    STORAGE_S3_REGION: optionalText.transform((value) => value ?? 'us-east-1'),
    STORAGE_S3_ACCESS_KEY_ID: optionalText,
    STORAGE_S3_SECRET_ACCESS_KEY: optionalText,
    STORAGE_S3_FORCE_PATH_STYLE: optionalText.pipe(z.enum(['true', 'false', '1', '0']).default('true')).transform((value) => value === 'true' || value === '1'),
    FIRMWARE_MAX_BYTES: z.coerce.number().int().min(1024).default(256 * 1024 * 1024),
    ALERT_EVALUATION_INTERVAL: z.coerce.number().int().min(1).default(30),
    ANALYTICS_ROLLUP_INTERVAL: z.coerce.number().int().min(10).default(300),
    ALERT_OFFLINE_MINUTES: z.coerce.number().min(0).default(5),
    ALERT_NO_METER_VALUES_MINUTES: z.coerce.number().min(1).default(15),
    ALERT_ZERO_POWER_MINUTES: z.coerce.number().min(1).default(30),
    ALERT_MAX_SESSION_HOURS: z.coerce.number().min(1).default(24),
    MAP_TILE_URL: optionalText
      .transform((value) => value ?? 'https://tile.openstreetmap.org/{z}/{x}/{y}.png')
      .pipe(z.string())
      .refine((value) => value === 'none' || (/^https?:\/\//.test(value) && value.includes('{z}') && value.includes('{x}') && value.includes('{y}')), {
        message: 'must be an http(s) URL template with {z}, {x} and {y}, or none',
      }),
    RECONCILE_INTERVAL: z.coerce.number().int().min(0).default(300),
    RECONCILE_GRACE_SECONDS: z.coerce.number().int().min(0).default(120),
    RECONCILE_OFFLINE_HOURS: z.coerce.number().min(0).default(24),
    RECONCILE_MAX_SESSION_HOURS: z.coerce.number().min(0.001).default(72),
    RESERVATION_EXPIRY_INTERVAL: z.coerce.number().int().min(1).default(10),
    LOCAL_LIST_SYNC_INTERVAL: z.coerce.number().int().min(0).default(60),
    NEXTAUTH_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    NEXTAUTH_URL: optionalText.pipe(z.url().optional()),
    ADMIN_EMAIL: optionalText.pipe(z.email().optional()),
    ADMIN_PASSWORD: optionalText.pipe(passwordSchema.optional()),
    INVOICE_ISSUER_NAME: z.string().min(1).default('CSMS operator'),
    INVOICE_ISSUER_ADDRESS: optionalText,
    STRIPE_SECRET_KEY: optionalText,
    STRIPE_WEBHOOK_SECRET: optionalText,
    // The SDK takes host, port and protocol only: a path would be silently dropped.
    STRIPE_API_BASE: optionalText.pipe(
      z.url({ protocol: /^https?$/ }).refine((value) => new URL(value).pathname === '/', { message: 'must be scheme://host[:port] without a path' }).optional(),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['STRIPE_WEBHOOK_SECRET'], message: 'is required with STRIPE_SECRET_KEY (webhooks are verified)' });
    }
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'],
        message: 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
      });
    }
    // Files go to the bucket only when it is named; its keys must come with it, and S3 settings
    // without a bucket would silently store on disk instead.
    if (env.STORAGE_S3_BUCKET) {
      for (const key of ['STORAGE_S3_ACCESS_KEY_ID', 'STORAGE_S3_SECRET_ACCESS_KEY'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when STORAGE_S3_BUCKET is set' });
      }
    } else if (env.STORAGE_S3_ENDPOINT || env.STORAGE_S3_ACCESS_KEY_ID || env.STORAGE_S3_SECRET_ACCESS_KEY) {
      ctx.addIssue({ code: 'custom', path: ['STORAGE_S3_BUCKET'], message: 'is required when other STORAGE_S3_ settings are set' });
    }
  });

type ParsedEnv = z.infer<typeof envSchema>;
export type Env = ParsedEnv & { dataDir: string; storageS3?: S3StorageConfig };

export class EnvError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join('.') || 'env'}: ${issue.message}`));
  }
  return { ...result.data, dataDir: path.resolve(result.data.DATA_DIR), storageS3: storageS3(result.data) };
}

function storageS3(env: ParsedEnv): S3StorageConfig | undefined {
  const { STORAGE_S3_BUCKET: bucket, STORAGE_S3_ACCESS_KEY_ID: accessKeyId, STORAGE_S3_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (!bucket || !accessKeyId || !secretAccessKey) return undefined;
  return { endpoint: env.STORAGE_S3_ENDPOINT, bucket, region: env.STORAGE_S3_REGION, accessKeyId, secretAccessKey, forcePathStyle: env.STORAGE_S3_FORCE_PATH_STYLE };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The environment handed to a child process: ours, plus overrides (used by the launcher and tests). */
export function childProcessEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
