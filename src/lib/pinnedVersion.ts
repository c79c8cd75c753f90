import { readFileSync } from 'node:fs'
import path from 'node:path'

const installed = new Map<string, string>()

/** The version of `name` in this project's node_modules. */
export function installedVersion(name: string): string {
  let version = installed.get(name)
  if (!version) {
    // Commands run from the project folder (npm scripts, the Docker image's WORKDIR).
    const manifest = path.resolve('node_modules', name, 'package.json')
    try {
      version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
    } catch {
      throw new Error(`Cannot read the version of ${name} from ${manifest}: start the app from the project folder.`)
    }
    installed.set(name, version)
  }
  return version
}

/**
 * For code that depends on a library's internals (docs/upgrading.md lists them all): refuses to
 * go on, at start-up, when the installed version is not the one the code was written against, so
 * an upgrade can neither silently keep a patch that no longer fits nor silently lose it.
 */
export function assertPinnedVersion(name: string, writtenFor: string, what: string): void {
  const version = installedVersion(name)
  if (version !== writtenFor) {
    throw new Error(
      `${what} depends on internals of ${name} ${writtenFor}, but ${name} ${version} is installed. ` +
        `Check it against the new version as docs/upgrading.md describes, then update the version it names.`,
    )
  }
}
