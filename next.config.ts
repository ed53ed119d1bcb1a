import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ['@node-rs/argon2', 'postgres', '@aws-sdk/client-s3', '@aws-sdk/lib-storage'],
  poweredByHeader: false,
  // forbidden() → app/forbidden.tsx with HTTP 403, used by requireRole() in pages and actions.
  experimental: { authInterrupts: true },
};

export default nextConfig;
