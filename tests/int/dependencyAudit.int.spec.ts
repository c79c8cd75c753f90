import { spawn } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

import { advisoryUrl, type PublishedAdvisory, startAdvisoryServer } from '../helpers/advisoryServer'

/** The CI step (`npm run audit`), with npm audit asking a local advisory server. */

let closeServer: (() => Promise<void>) | undefined
afterEach(async () => {
  await closeServer?.()
  closeServer = undefined
})

async function runAudit({
  advisories = [] as PublishedAdvisory[],
  status = 200,
  allowlist = [] as object[],
  env = {} as Record<string, string>,
}) {
  const server = await startAdvisoryServer({ advisories, status })
  closeServer = server.close
  const allowlistFile = path.join(await mkdtemp(path.join(tmpdir(), 'otei-audit-')), 'allowlist.json')
  await writeFile(allowlistFile, JSON.stringify({ advisories: allowlist }))
  const audit = spawn('npx', ['tsx', 'src/scripts/auditDependencies.ts', `--registry=${server.registry}`], {
    env: { ...process.env, AUDIT_ALLOWLIST: allowlistFile, ...env },
  })
  let output = ''
  audit.stdout.on('data', (chunk) => (output += chunk))
  audit.stderr.on('data', (chunk) => (output += chunk))
  const code = await new Promise<number | null>((resolve) => audit.on('exit', resolve))
  return { code, output, askedAbout: server.askedAbout }
}

// pg is a production dependency; vitest is only a development one.
const highInPg: PublishedAdvisory = { package: 'pg', id: 1, severity: 'high', vulnerableVersions: '*' }

describe('the dependency audit', () => {
  it('fails on a high-severity advisory in a production dependency, naming it', async () => {
    const { code, output } = await runAudit({ advisories: [highInPg] })
    expect(code).toBe(1)
    expect(output).toContain(`high pg *: Test advisory 1 (${advisoryUrl(1)})`)
  })

  it('passes when the allow-list names that advisory, and prints the reason', async () => {
    const reason = 'Only the SSL code path is affected; the app connects without SSL inside the private network.'
    const { code, output } = await runAudit({ advisories: [highInPg], allowlist: [{ url: advisoryUrl(1), package: 'pg', reason }] })
    expect(code).toBe(0)
    expect(output).toContain(reason)
  })

  it('passes on moderate advisories and ignores development-only packages', async () => {
    const { code, askedAbout } = await runAudit({
      advisories: [
        { package: 'pg', id: 2, severity: 'moderate', vulnerableVersions: '*' },
        { package: 'vitest', id: 3, severity: 'critical', vulnerableVersions: '*' },
      ],
    })
    expect(code).toBe(0)
    expect(askedAbout.has('pg')).toBe(true)
    expect(askedAbout.has('vitest')).toBe(false)
  })

  it('says so when the registry offers no advisory endpoint, and fails then only when required', async () => {
    const lenient = await runAudit({ status: 405 })
    expect(lenient.code).toBe(0)
    expect(lenient.output).toContain('npm audit could not check the dependencies')
    const required = await runAudit({ status: 405, env: { AUDIT_REQUIRED: 'true' } })
    expect(required.code).toBe(1)
  })
})
