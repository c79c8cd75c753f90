/**
 * npm run backup: a pg_dump (custom format) of DATABASE_URL into BACKUP_DIR, named by the UTC
 * time, with a tar of the upload folders beside it when uploads are on local disk (S3_BUCKET
 * unset); the BACKUP_KEEP newest backups are kept, older ones deleted; with BACKUP_S3_BUCKET, a
 * copy of each goes to that bucket, pruned the same way. Restore with npm run restore.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, link, mkdir, readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'

import {
  backupBucket,
  backupStamp,
  dumpName,
  namesToPrune,
  pruneBucket,
  UPLOAD_FOLDERS,
  uploadsName,
  uploadToBucket,
} from './backupFiles'
import { findTool, libpqConnection, serverMajorVersion } from './postgresTools'

const run = promisify(execFile)

async function backup() {
  const databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) throw new Error('DATABASE_URL is not set.')
  const keep = Number(process.env.BACKUP_KEEP?.trim() || 14)
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`BACKUP_KEEP must be a whole number of at least 1, not "${process.env.BACKUP_KEEP}".`)
  const bucket = backupBucket()
  const directory = path.resolve(process.env.BACKUP_DIR?.trim() || '.data/backups')
  const pgDump = await findTool('pg_dump', await serverMajorVersion(databaseUrl))
  await mkdir(directory, { recursive: true, mode: 0o700 })

  const stamp = backupStamp(new Date())
  const dumpFile = path.join(directory, dumpName(stamp))
  const { dbname, env } = libpqConnection(databaseUrl)
  await writeAtomically(dumpFile, (partial) => run(pgDump.path, ['--format=custom', `--file=${partial}`, `--dbname=${dbname}`], { env }))
  const files = [dumpFile]

  // With S3_BUCKET the files are in that bucket, outside this backup (see docs/operations.md).
  const uploadFolders = process.env.S3_BUCKET?.trim() ? [] : UPLOAD_FOLDERS.filter((folder) => existsSync(folder))
  if (uploadFolders.length) {
    const tarFile = path.join(directory, uploadsName(stamp))
    await writeAtomically(tarFile, (partial) => archive(partial, uploadFolders))
    files.push(tarFile)
  }
  for (const file of files) console.log(`[backup] wrote ${file} (${(await stat(file)).size} bytes)`)

  for (const name of namesToPrune(await readdir(directory), keep)) {
    await rm(path.join(directory, name))
    console.log(`[backup] deleted ${name} (BACKUP_KEEP=${keep})`)
  }

  if (bucket) {
    for (const file of files) console.log(`[backup] uploaded s3://${bucket.bucket}/${await uploadToBucket(bucket, file)}`)
    for (const key of await pruneBucket(bucket, keep)) console.log(`[backup] deleted s3://${bucket.bucket}/${key} (BACKUP_KEEP=${keep})`)
  }
}

/**
 * A tar of the folders. Uploads go on while it runs: a file added, changed or deleted meanwhile
 * makes GNU tar exit 1 ("file changed as we read it"), a warning here, not a failed backup; such
 * a file is an upload newer than the dump (taken first), which the restored rows do not name.
 */
async function archive(file: string, folders: string[]) {
  try {
    await run('tar', ['--create', '--ignore-failed-read', `--file=${file}`, ...folders])
  } catch (error) {
    if ((error as { code?: unknown }).code !== 1) throw error
    console.warn(`[backup] warning: ${(error as { stderr?: string }).stderr?.trim()}`)
  }
}

/**
 * Has `write` make the file under a temporary name, then gives it its real name only when the
 * write succeeded: a failed or interrupted backup never looks like a good one, nor replaces one.
 */
async function writeAtomically(file: string, write: (partial: string) => Promise<unknown>) {
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.partial`)
  try {
    await write(partial)
    await chmod(partial, 0o600)
    // link, not rename: it fails instead of replacing a backup made in the same second.
    await link(partial, file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`${file} exists already (a backup in the same second): run it again.`)
    throw error
  } finally {
    await rm(partial, { force: true })
  }
}

backup().then(
  () => process.exit(0),
  (error) => {
    const stderr = (error as { stderr?: string }).stderr?.trim()
    console.error(`[backup] failed: ${stderr || (error instanceof Error ? error.message : String(error))}`)
    process.exit(1)
  },
)
