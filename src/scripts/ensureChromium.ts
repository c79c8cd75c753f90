/**
 * The browser tests drive Debian's Chromium. When it is missing, install it with apt-get where
 * we can (as root); otherwise stop at once with a one-line instruction.
 */
import { spawnSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { userInfo } from 'node:os'

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

const isExecutable = (file: string) => {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

const hasAptGet = () => spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0

if (!isExecutable(chromiumPath)) {
  if (process.env.CHROMIUM_PATH || userInfo().uid !== 0 || !hasAptGet()) {
    console.error(
      `Chromium not found at ${chromiumPath}: install it (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH.`,
    )
    process.exit(1)
  }
  console.log('Chromium not found: installing Debian’s chromium with apt-get …')
  const install = spawnSync(
    'sh',
    ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium'],
    { stdio: 'inherit' },
  )
  if (install.status !== 0 || !isExecutable(chromiumPath)) {
    console.error('Installing chromium with apt-get failed: install it by hand or set CHROMIUM_PATH.')
    process.exit(1)
  }
}
