import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

import { waitFor } from './waitFor'

export type ReceivedEmail = { to: string; subject: string; html: string; text: string; messageId: string }

export type TestSmtpServer = {
  received: ReceivedEmail[]
  /** Emails to one address, oldest first. */
  to: (address: string) => ReceivedEmail[]
  waitForEmails: (count: number, what?: string, timeoutMs?: number) => Promise<ReceivedEmail[]>
  /** From now on, messages are held unanswered (not accepted) until `releaseHeld`. */
  holdNewMessages: () => void
  heldCount: () => number
  /** Refuses everything held so far, as a server does when the client has gone away. */
  releaseHeld: () => void
  stop: () => Promise<void>
}

const toEmail = (mail: ParsedMail): ReceivedEmail => ({
  to: [mail.to ?? []].flat().map((address) => address.text).join(', '),
  subject: mail.subject ?? '',
  html: typeof mail.html === 'string' ? mail.html : '',
  text: mail.text ?? '',
  messageId: mail.messageId ?? '',
})

/**
 * A real SMTP server on 127.0.0.1:`port` that keeps what it accepts. A message counts as
 * received only once the server has answered 250, as with any mail server.
 */
export async function startSmtpServer(port: number): Promise<TestSmtpServer> {
  const received: ReceivedEmail[] = []
  const held: (() => void)[] = []
  let holding = false
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Stopping drops the app's pooled connections at once instead of waiting 30 s for them.
    closeTimeout: 100,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          if (holding) {
            held.push(() => callback(new Error('Transaction aborted')))
            return
          }
          received.push(toEmail(mail))
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  return {
    received,
    to: (address) => received.filter((email) => email.to.includes(address)),
    waitForEmails: (count, what = `${count} emails`, timeoutMs = 30_000) =>
      waitFor(what, async () => (received.length >= count ? received : undefined), { timeoutMs }),
    holdNewMessages: () => {
      holding = true
    },
    heldCount: () => held.length,
    releaseHeld: () => {
      holding = false
      held.splice(0).forEach((refuse) => refuse())
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
