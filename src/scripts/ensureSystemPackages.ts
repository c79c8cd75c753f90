/**
 * The tests drive Debian's Chromium (the admin), nginx (the app behind reverse proxies), clamd
 * (virus scanning of uploads, started by tests/int/virusScan with its own signatures) and
 * PostgreSQL 15 (tests/int/backup). When
 * one is missing, install it with apt-get where we can (as root); otherwise stop at once with a
 * one-line instruction.
 */
import { spawnSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { userInfo } from 'node:os'

const programs = [
  { name: 'Chromium', aptPackage: 'chromium', pathVariable: 'CHROMIUM_PATH', defaultPath: '/usr/bin/chromium' },
  { name: 'nginx', aptPackage: 'nginx', pathVariable: 'NGINX_PATH', defaultPath: '/usr/sbin/nginx' },
  { name: 'clamd', aptPackage: 'clamav-daemon', pathVariable: 'CLAMD_PATH', defaultPath: '/usr/sbin/clamd' },
  // Its pg_dump, pg_restore and initdb: tests/int/backup runs a cluster of it when the run's
  // server (the embedded PostgreSQL 18) is newer than every pg_dump here.
  { name: 'PostgreSQL 15', aptPackage: 'postgresql-15', pathVariable: 'BACKUP_TEST_INITDB_PATH', defaultPath: '/usr/lib/postgresql/15/bin/initdb' },
].map((program) => ({ ...program, path: process.env[program.pathVariable] || program.defaultPath }))

const isExecutable = (file: string) => {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

const hasAptGet = () => spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0

const missing = programs.filter((program) => !isExecutable(program.path))
if (missing.length) {
  const instruction = missing
    .map((program) => `${program.name} not found at ${program.path}: install it (Debian: sudo apt-get install ${program.aptPackage}) or set ${program.pathVariable}.`)
    .join('\n')
  if (missing.some((program) => process.env[program.pathVariable]) || userInfo().uid !== 0 || !hasAptGet()) {
    console.error(instruction)
    process.exit(1)
  }
  const packages = missing.map((program) => program.aptPackage).join(' ')
  console.log(`Not found: installing Debian’s ${packages} with apt-get …`)
  const install = spawnSync(
    'sh',
    ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${packages}`],
    { stdio: 'inherit' },
  )
  if (install.status !== 0 || missing.some((program) => !isExecutable(program.path))) {
    console.error(`Installing ${packages} with apt-get failed.\n${instruction}`)
    process.exit(1)
  }
}
