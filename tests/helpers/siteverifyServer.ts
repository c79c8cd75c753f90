import { createServer, type Server } from 'node:http'

import type { CaptchaProvider } from '@/abuse/captcha'
import { findFreePort } from '@/scripts/findFreePort'

export type SiteverifyRequest = { secret: string; response: string; remoteip: string | null }

/**
 * A local stand-in for a captcha provider's siteverify endpoint, speaking its protocol: a form
 * POST of secret, response and remoteip, answered with {success, error-codes, score?, action?}.
 * The token chooses the answer: "pass", "fail", "reused", "slow" (answers after 6 s), and for
 * reCAPTCHA v3 "score:<n>:<action>".
 */
export async function startSiteverifyServer(provider: Exclude<CaptchaProvider, 'none'>, secret: string) {
  const received: SiteverifyRequest[] = []
  const reusedCode = provider === 'hcaptcha' ? 'invalid-or-already-seen-response' : 'timeout-or-duplicate'
  const server: Server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      const form = new URLSearchParams(body)
      const token = form.get('response') ?? ''
      received.push({ secret: form.get('secret') ?? '', response: token, remoteip: form.get('remoteip') })
      const answer = (payload: object) => {
        response.writeHead(200, { 'Content-Type': 'application/json' })
        response.end(JSON.stringify(payload))
      }
      if (form.get('secret') !== secret) return answer({ success: false, 'error-codes': ['invalid-input-secret'] })
      if (token === 'slow') return void setTimeout(() => answer({ success: true }), 6000).unref()
      if (token === 'pass') return answer({ success: true, hostname: 'otei.test' })
      if (token === 'reused') return answer({ success: false, 'error-codes': [reusedCode] })
      const scored = /^score:([\d.]+):(\w+)$/.exec(token)
      if (scored) return answer({ success: true, score: Number(scored[1]), action: scored[2] })
      return answer({ success: false, 'error-codes': ['invalid-input-response'] })
    })
  })
  const port = await findFreePort()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${port}/siteverify`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
