import { createServer, type Server } from 'node:http'
import { gunzipSync } from 'node:zlib'

import { findFreePort } from '../../src/scripts/findFreePort'

export type PublishedAdvisory = { package: string; id: number; severity: 'low' | 'moderate' | 'high' | 'critical'; vulnerableVersions: string }

export const advisoryUrl = (id: number) => `https://github.com/advisories/GHSA-otei-test-${id}`

/**
 * A local stand-in for the npm registry's advisory endpoint (POST /-/npm/v1/security/advisories/bulk:
 * the installed versions of each package in, the advisories that concern them out), so that npm
 * audit runs for real against advisories a test chooses. `status` other than 200 plays a registry
 * without the endpoint.
 */
export async function startAdvisoryServer({ advisories = [] as PublishedAdvisory[], status = 200 } = {}) {
  const askedAbout = new Set<string>()
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      if (status !== 200 || request.url !== '/-/npm/v1/security/advisories/bulk') {
        response.writeHead(status === 200 ? 404 : status)
        return void response.end()
      }
      const body = Buffer.concat(chunks)
      const installed = JSON.parse((request.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString())
      for (const name of Object.keys(installed)) askedAbout.add(name)
      const answer: Record<string, unknown[]> = {}
      for (const advisory of advisories.filter((advisory) => advisory.package in installed))
        (answer[advisory.package] ??= []).push({
          id: advisory.id,
          url: advisoryUrl(advisory.id),
          title: `Test advisory ${advisory.id}`,
          severity: advisory.severity,
          vulnerable_versions: advisory.vulnerableVersions,
          cwe: [],
          cvss: { score: 0, vectorString: null },
        })
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.end(JSON.stringify(answer))
    })
  })
  const port = await findFreePort()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    registry: `http://127.0.0.1:${port}/`,
    askedAbout,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
