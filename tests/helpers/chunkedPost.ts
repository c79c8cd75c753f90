import { request } from 'node:http'

/** A client that would go on sending for ever: 10 MB past the first part, unless the server hangs up first. */
export const CHUNKED_GIVE_UP_BYTES = 10 * 1024 * 1024
/** A server that waits for the end of the body before answering gives no answer at all. */
const ANSWER_DEADLINE_MS = 15_000

/**
 * POSTs `firstPart` chunked (no Content-Length) and, without ending the body, waits for the
 * answer: a server that needed the whole body would never give one. Then keeps sending, as a
 * flooding client would, until the server closes the connection (or 10 MB more have gone).
 */
export function postChunkedWithoutEnd(url: string, firstPart: string | Buffer, contentType = 'application/json') {
  return new Promise<{ status: number; body: string; closedBeforeBytes: number }>((resolve, reject) => {
    let sentAfterAnswer = 0
    let answer: { status: number; body: string } | undefined
    const outgoing = request(url, { method: 'POST', agent: false, headers: { 'Content-Type': contentType } })
    const noAnswer = setTimeout(() => {
      reject(new Error(`no answer within ${ANSWER_DEADLINE_MS} ms while the body was still open`))
      outgoing.destroy()
    }, ANSWER_DEADLINE_MS)
    const settle = () => {
      clearTimeout(noAnswer)
      if (answer) resolve({ ...answer, closedBeforeBytes: sentAfterAnswer })
      else reject(new Error('connection closed without an answer'))
    }
    outgoing.on('error', settle)
    outgoing.on('close', settle)
    outgoing.on('response', (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk) => (body += chunk))
      response.on('end', () => {
        answer = { status: response.statusCode ?? 0, body }
        const chunk = Buffer.alloc(64 * 1024, 'x')
        const sendMore = () => {
          if (outgoing.destroyed) return
          if (sentAfterAnswer >= CHUNKED_GIVE_UP_BYTES) return void outgoing.destroy()
          sentAfterAnswer += chunk.length
          outgoing.write(chunk, (error) => (error ? settle() : setImmediate(sendMore)))
        }
        sendMore()
      })
    })
    outgoing.write(firstPart)
  })
}
