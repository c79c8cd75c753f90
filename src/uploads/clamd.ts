import { connect } from 'node:net'

import { intEnv } from '@/lib/env'

export type ClamdSettings = { host: string; port: number; timeoutMs: number }

export type ScanVerdict = { infected: false } | { infected: true; signature: string }

/** clamd could not give a verdict: not reachable, too slow, or it answered with an error. */
export class ScannerUnavailable extends Error {}

/** CLAMAV_HOST turns scanning on; CLAMAV_PORT (3310) and CLAMAV_TIMEOUT_MS (10 s) tune it. Read per call so a test can point it elsewhere. */
export function clamdSettings(): ClamdSettings | undefined {
  const host = process.env.CLAMAV_HOST?.trim()
  if (!host) return undefined
  return { host, port: intEnv('CLAMAV_PORT', 3310), timeoutMs: intEnv('CLAMAV_TIMEOUT_MS', 10_000) }
}

/** clamd reads INSTREAM data in chunks, each preceded by its length; 64 KB keeps every write small. */
const CHUNK_BYTES = 64 * 1024

/**
 * Streams `data` to clamd with its INSTREAM command (clamd(8)): "zINSTREAM\0", then length-prefixed
 * chunks, then a zero length; clamd answers "stream: OK" or "stream: <signature> FOUND".
 */
export function scanWithClamd({ host, port, timeoutMs }: ClamdSettings, data: Buffer): Promise<ScanVerdict> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port })
    const answer: Buffer[] = []
    const fail = (reason: string) => {
      socket.destroy()
      reject(new ScannerUnavailable(`clamd at ${host}:${port}: ${reason}`))
    }
    socket.setTimeout(timeoutMs, () => fail(`no answer within ${timeoutMs} ms`))
    socket.on('error', (error) => fail(error.message))
    socket.on('data', (chunk) => answer.push(chunk))
    socket.on('end', () => {
      const reply = Buffer.concat(answer).toString('utf8').replace(/\0/g, '').trim()
      socket.destroy()
      const found = /^stream: (.+) FOUND$/.exec(reply)
      if (found) resolve({ infected: true, signature: found[1] })
      else if (reply === 'stream: OK') resolve({ infected: false })
      else fail(`unexpected answer "${reply}"`)
    })
    socket.on('connect', () => {
      socket.write('zINSTREAM\0')
      for (let offset = 0; offset < data.length; offset += CHUNK_BYTES) {
        const chunk = data.subarray(offset, offset + CHUNK_BYTES)
        const length = Buffer.alloc(4)
        length.writeUInt32BE(chunk.length)
        socket.write(length)
        socket.write(chunk)
      }
      socket.write(Buffer.alloc(4))
    })
  })
}
