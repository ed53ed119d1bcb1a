import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ['@node-rs/argon2', 'postgres'],
  poweredByHeader: false,
  // forbidden() → app/forbidden.tsx with HTTP 403, used by requireRole() in pages and actions.
  experimental: { authInterrupts: true },
};

export default nextConfig;
