import { execFileSync } from 'node:child_process'
import { chown, mkdir, rm } from 'node:fs/promises'
import { userInfo } from 'node:os'
import path from 'node:path'

import { findFreePort } from '@/scripts/findFreePort'

import { runCommand, tempClusterDir } from './testDatabase'

export type SystemPostgres = { serverUrl: string; binDir: string; stop: () => Promise<void> }

/** Debian's PostgreSQL 15 initdb (src/scripts/ensureSystemPackages.ts installs it when missing). */
export const SYSTEM_INITDB_PATH = process.env.BACKUP_TEST_INITDB_PATH || '/usr/lib/postgresql/15/bin/initdb'

/**
 * A throwaway PostgreSQL cluster from the system's binaries (the folder of SYSTEM_INITDB_PATH), on
 * 127.0.0.1 and a free port, trusting local connections: for tests that need an older server
 * than the run's (the embedded one is as new as PostgreSQL gets, newer than Debian's pg_dump).
 */
export async function startSystemPostgres(): Promise<SystemPostgres> {
  const binDir = path.dirname(SYSTEM_INITDB_PATH)
  const dataDir = await tempClusterDir()
  // PostgreSQL refuses to run as root: then as the postgres OS user the Debian package creates.
  const asRoot = userInfo().uid === 0
  const asServerUser = (command: string[]) => (asRoot ? ['runuser', '-u', 'postgres', '--', ...command] : command)
  await mkdir(dataDir, { mode: 0o700 })
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim())
    await chown(dataDir, id('-u'), id('-g'))
  }
  const env = { ...process.env, LC_ALL: 'C.UTF-8' }
  await runCommand(asServerUser([path.join(binDir, 'initdb'), '-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8']), env)
  const port = await findFreePort()
  const pgCtl = path.join(binDir, 'pg_ctl')
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=''`
  await runCommand(asServerUser([pgCtl, '-D', dataDir, '-o', options, '-l', path.join(dataDir, 'server.log'), '-w', 'start']), env)
  return {
    serverUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    binDir,
    stop: async () => {
      await runCommand(asServerUser([pgCtl, '-D', dataDir, '-m', 'fast', '-w', 'stop']), env)
      await rm(path.dirname(dataDir), { recursive: true, force: true })
    },
  }
}
