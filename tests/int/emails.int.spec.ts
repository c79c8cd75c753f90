import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { runQueuedJobs } from '../helpers/jobs'
import { type OwnDatabase, useOwnDatabase } from '../helpers/ownDatabase'
import type { RestClient as RestClientType } from '../helpers/restClient'
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtpServer'
import { createOpenEvent, validSubmission } from '../helpers/submissions'
import { appEnv, runCommand } from '../helpers/testDatabase'
import type { TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

const STAFF_INBOX = 'desk@otei.test'
let own: OwnDatabase
let payload: Payload
let smtp: TestSmtpServer
let anonymous: RestClientType
let editor: TestUser
let staff: TestUser
let eventId: number
const EVENT_NAME = `R&D <Summit> ${randomBytes(2).toString('hex')}`

beforeAll(async () => {
  own = await useOwnDatabase('emails')
  payload = own.payload
  anonymous = own.RestClient.anonymous()
  smtp = await startSmtpServer(Number(process.env.SMTP_PORT))
  process.env.STAFF_NOTIFY_EMAILS = STAFF_INBOX
  eventId = (await createOpenEvent(payload, { name: EVENT_NAME, venue: 'Hall "A" & B' })).id
  // Imported only now: it loads the app's config, which must see this file's own database.
  const { createUser } = await import('../helpers/users')
  await createUser(payload, ['admin']) // the first account of a database always becomes admin
  editor = await createUser(payload, ['editor'])
  staff = await createUser(payload, ['staff'])
})

afterAll(async () => {
  delete process.env.STAFF_NOTIFY_EMAILS
  await smtp?.stop()
  await own?.drop()
})

const register = async (overrides: Record<string, unknown> = {}, event = eventId) => {
  const body = { ...validSubmission('registrations', event), ...overrides }
  const response = await anonymous.post('/registrations', { body })
  expect(response.status).toBe(201)
  return { email: body.email as string, id: response.body.doc.id as number }
}

/** Runs the queue until `count` emails have reached `address`. */
const deliveredTo = async (address: string, count = 1) =>
  waitFor(`${count} email(s) to ${address}`, async () => {
    await runQueuedJobs(payload)
    const emails = smtp.to(address)
    return emails.length >= count ? emails : undefined
  })

const linkIn = (text: string, path: string) => {
  const match = new RegExp(`https?://[^\\s)]+${path}\\?token=[\\w.-]+`).exec(text)
  if (!match) throw new Error(`no ${path} link in:\n${text}`)
  return new URL(match[0])
}

describe('default templates', () => {
  it('exist for every email after migrating, so a new installation sends sensible emails', async () => {
    const { EMAIL_TEMPLATE_KEYS } = await import('@/email/templateKeys')
    const { docs } = await payload.find({ collection: 'email-templates', pagination: false, depth: 0 })
    expect(docs.map((doc) => doc.key).sort()).toEqual([...EMAIL_TEMPLATE_KEYS].sort())
  })
})

describe('a registration from the public', () => {
  it('waits for email confirmation and sends the confirmation request, rendered and escaped', async () => {
    const { email, id } = await register({ firstName: 'Adaeze' })
    const stored = await payload.findByID({ collection: 'registrations', id })
    expect(stored.status).toBe('pending-confirmation')

    const [message] = await deliveredTo(email)
    expect(message.subject).toBe(`Confirm your registration for ${EVENT_NAME}`)
    expect(message.text).toContain('Hi Adaeze,')
    expect(message.text).toContain(`${EVENT_NAME} on Tuesday, 1 June 2027 at 09:00 at Hall "A" & B`)
    // Values are text in the HTML: the event's angle brackets and ampersand do not become markup.
    expect(message.html).toContain('R&amp;D &lt;Summit&gt;')
    expect(message.html).not.toContain('<Summit>')
    expect(message.html).toMatch(/<a href="http[^"]+\/api\/registrations\/confirm\?token=/)
    expect(message.messageId).toMatch(/^<outbox-\d+@/)
  })

  it('is confirmed by the POST behind the link, not by opening it, and then gets "confirmed"', async () => {
    const { email, id } = await register({ firstName: 'Bola' })
    const [request] = await deliveredTo(email)
    const link = linkIn(request.text, '/api/registrations/confirm')

    const page = await anonymous.get('/registrations/confirm', { query: { token: link.searchParams.get('token') }, headers: { Accept: 'text/html' } })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<form method="post"')
    expect((await payload.findByID({ collection: 'registrations', id })).status).toBe('pending-confirmation')

    const confirmed = await anonymous.post('/registrations/confirm', { query: { token: link.searchParams.get('token') } })
    expect(confirmed.status).toBe(200)
    expect(confirmed.body).toContain('Your registration is confirmed')
    expect((await payload.findByID({ collection: 'registrations', id })).status).toBe('confirmed')

    const [, confirmation] = await deliveredTo(email, 2)
    expect(confirmation.subject).toBe(`You are confirmed for ${EVENT_NAME}`)
    const again = await anonymous.post('/registrations/confirm', { query: { token: link.searchParams.get('token') } })
    expect(again.status).toBe(200)
    await runQueuedJobs(payload)
    expect(smtp.to(email)).toHaveLength(2)
  })

  it('refuses a tampered or expired confirmation link', async () => {
    const { email, id } = await register()
    const [request] = await deliveredTo(email)
    const token = linkIn(request.text, '/api/registrations/confirm').searchParams.get('token')!
    const [, expires, signature] = token.split('.')
    const otherId = await register()
    const tampered = `${otherId.id}.${expires}.${signature}`
    expect((await anonymous.post('/registrations/confirm', { query: { token: tampered } })).status).toBe(400)

    const { signToken } = await import('@/lib/signedToken')
    const lapsed = signToken(payload.secret, 'confirm-registration', id, new Date(Date.now() - 1000))
    const response = await anonymous.post('/registrations/confirm', { query: { token: lapsed } })
    expect(response.status).toBe(410)
    expect((await payload.findByID({ collection: 'registrations', id })).status).toBe('pending-confirmation')
  })

  it('is confirmed at once, with "registration received", for an event without double opt-in', async () => {
    const event = await createOpenEvent(payload, { requireEmailConfirmation: false })
    const { email, id } = await register({}, event.id)
    expect((await payload.findByID({ collection: 'registrations', id })).status).toBe('confirmed')
    const [message] = await deliveredTo(email)
    expect(message.subject).toBe(`Your registration for ${event.name}`)
    expect(message.text).toMatch(/\/api\/status\?token=registrations\./)
  })

  it('answers a frontend that confirms with Accept: application/json', async () => {
    const { email } = await register()
    const [request] = await deliveredTo(email)
    const token = linkIn(request.text, '/api/registrations/confirm').searchParams.get('token')
    const response = await anonymous.post('/registrations/confirm', { query: { token }, headers: { Accept: 'application/json' } })
    expect(response).toMatchObject({ status: 200, body: { status: 'confirmed' } })
  })

  it('keeps line breaks out of the subject', async () => {
    const event = await createOpenEvent(payload, { name: 'Demo\r\nBcc: victim@example.com' })
    const { email } = await register({}, event.id)
    const [message] = await deliveredTo(email)
    expect(message.subject).toBe('Confirm your registration for Demo Bcc: victim@example.com')
    expect(smtp.to('victim@example.com')).toHaveLength(0)
    // What staff see in the outbox is the subject as rendered, on one line.
    const { docs } = await payload.find({ collection: 'email-outbox', where: { to: { equals: email } } })
    expect(docs[0].subject).toBe('Confirm your registration for Demo Bcc: victim@example.com')
  })

  it('added by staff keeps the status staff chose, without double opt-in', async () => {
    const body: Record<string, unknown> = { ...validSubmission('registrations', eventId), status: 'confirmed' }
    const response = await staff.client.post('/registrations', { body })
    expect(response.status).toBe(201)
    expect((await payload.findByID({ collection: 'registrations', id: response.body.doc.id })).status).toBe('confirmed')
    const [message] = await deliveredTo(body.email as string)
    expect(message.subject).toBe(`Your registration for ${EVENT_NAME}`)
  })

  it('alerts STAFF_NOTIFY_EMAILS with a link to the admin', async () => {
    const { id } = await register({ firstName: 'Chidi', lastName: 'Eze' })
    const alert = await waitFor('the staff alert', async () => {
      await runQueuedJobs(payload)
      return smtp.to(STAFF_INBOX).find((email) => email.subject === 'New registration: Chidi Eze')
    })
    expect(alert.text).toContain(`/admin/collections/registrations/${id}`)
  })

  it('caught by the honeypot gets no email at all', async () => {
    const { email, id } = await register({ faxNumber: '123' })
    expect((await payload.findByID({ collection: 'registrations', id })).status).toBe('spam')
    const { totalDocs } = await payload.count({ collection: 'email-outbox', where: { 'submission.value': { equals: id } } })
    expect(totalDocs).toBe(0)
    await runQueuedJobs(payload)
    expect(smtp.to(email)).toHaveLength(0)
  })
})

describe('a second registration with the same address', () => {
  it('is refused and sends the "already registered" notice with the status link, once an hour', async () => {
    const body = validSubmission('registrations', eventId)
    expect((await anonymous.post('/registrations', { body })).status).toBe(201)
    for (let attempt = 0; attempt < 3; attempt++) {
      const again = await anonymous.post('/registrations', { body })
      expect(again.status).toBe(400)
      expect(again.body.errors[0].data.errors[0].path).toBe('email')
    }
    const email = body.email as string
    const notice = await waitFor('the already-registered notice', async () => {
      await runQueuedJobs(payload)
      return smtp.to(email).find((message) => message.subject.startsWith('You are already registered'))
    })
    const statusPage = await anonymous.get('/status', {
      query: { token: linkIn(notice.text, '/api/status').searchParams.get('token') },
      headers: { Accept: 'text/html' },
    })
    expect(statusPage.status).toBe(200)
    expect(statusPage.body).toContain('Waiting for email confirmation')
    expect(statusPage.body).toContain('Confirm my registration')
    await runQueuedJobs(payload)
    expect(smtp.to(email).filter((message) => message.subject.startsWith('You are already registered'))).toHaveLength(1)
  })

  it('is accepted once the first expired unconfirmed, by the scheduled expiry job', async () => {
    const first = await register()
    await payload.update({
      collection: 'registrations',
      id: first.id,
      data: { createdAt: new Date(Date.now() - 49 * 3_600_000).toISOString() },
      context: { skipEmails: true },
    })
    await payload.jobs.queue({ task: 'expireUnconfirmedRegistrations', input: {} })
    await runQueuedJobs(payload)
    expect((await payload.findByID({ collection: 'registrations', id: first.id })).status).toBe('expired')

    const second = await register({ email: first.email })
    expect((await payload.findByID({ collection: 'registrations', id: second.id })).status).toBe('pending-confirmation')
  })
})

describe('applications from the public', () => {
  it.each([
    ['sponsor-applications', 'contactEmail', 'We received your sponsorship application for'],
    ['exhibitor-applications', 'contactEmail', 'We received your exhibitor application for'],
    ['volunteer-applications', 'email', 'We received your volunteer application for'],
  ] as const)('%s get the "received" email at %s', async (collection, emailField, subject) => {
    const body = validSubmission(collection, eventId)
    expect((await anonymous.post(`/${collection}`, { body })).status).toBe(201)
    const [message] = await deliveredTo(body[emailField] as string)
    expect(message.subject).toBe(`${subject} ${EVENT_NAME}`)
  })

  it('get the "accepted" email when staff accept them, and nothing for other edits', async () => {
    const body = validSubmission('sponsor-applications', eventId)
    const created = await anonymous.post('/sponsor-applications', { body })
    const address = body.contactEmail as string
    await deliveredTo(address)
    const path = `/sponsor-applications/${created.body.doc.id}`
    expect((await staff.client.patch(path, { body: { reviewerNotes: 'Strong fit', status: 'under-review' } })).status).toBe(200)
    expect((await staff.client.patch(path, { body: { status: 'accepted' } })).status).toBe(200)
    const [, accepted] = await deliveredTo(address, 2)
    expect(accepted.subject).toBe(`Your sponsor application for ${EVENT_NAME} is accepted`)
    await runQueuedJobs(payload)
    expect(smtp.to(address)).toHaveLength(2)
  })
})

describe('email templates edited by an editor', () => {
  const templateId = async (key: string) =>
    (await payload.find({ collection: 'email-templates', where: { key: { equals: key }, event: { exists: false } } })).docs[0].id

  it('change the next email sent', async () => {
    const id = await templateId('volunteer-application-received')
    const response = await editor.client.patch(`/email-templates/${id}`, {
      body: { subject: 'Thanks {{firstName}}, see you at {{eventName}}' },
    })
    expect(response.status).toBe(200)
    const body = validSubmission('volunteer-applications', eventId)
    await anonymous.post('/volunteer-applications', { body })
    const [message] = await deliveredTo(body.email as string)
    expect(message.subject).toBe(`Thanks ${String(body.fullName).split(' ')[0]}, see you at ${EVENT_NAME}`)
  })

  it('can be overridden for one event', async () => {
    const event = await createOpenEvent(payload)
    const { body } = (await payload.findByID({ collection: 'email-templates', id: await templateId('registration-confirmation-request') })) as never as { body: unknown }
    const created = await editor.client.post('/email-templates', {
      body: { key: 'registration-confirmation-request', event: event.id, subject: 'Special: confirm for {{eventName}}', body },
    })
    expect(created.status).toBe(201)
    const { email } = await register({}, event.id)
    const [message] = await deliveredTo(email)
    expect(message.subject).toBe(`Special: confirm for ${event.name}`)
  })

  it('are refused with a field error on key when the email already has a default, or the event its own version', async () => {
    const { body } = await payload.findByID({ collection: 'email-templates', id: await templateId('registration-confirmed') })
    const second = await editor.client.post('/email-templates', { body: { key: 'registration-confirmed', subject: 'Another', body } })
    expect(second.status).toBe(400)
    expect(second.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'key' })])

    const event = await createOpenEvent(payload)
    const override = { key: 'registration-confirmed', event: event.id, subject: 'For one event', body }
    expect((await editor.client.post('/email-templates', { body: override })).status).toBe(201)
    const again = await editor.client.post('/email-templates', { body: override })
    expect(again.status).toBe(400)
    expect(again.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'key' })])
  })

  it('are refused with a field error for an unknown placeholder', async () => {
    const id = await templateId('registration-confirmed')
    const response = await editor.client.patch(`/email-templates/${id}`, { body: { subject: 'Hi {{firstname}}' } })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual([
      expect.objectContaining({ path: 'subject', message: expect.stringContaining('Unknown placeholder {{firstname}}') }),
    ])
  })

  it('are refused when the confirmation request loses its {{confirmUrl}}', async () => {
    const { richTextFromParagraphs } = await import('@/email/defaultTemplates')
    const id = await templateId('registration-confirmation-request')
    const response = await editor.client.patch(`/email-templates/${id}`, { body: { body: richTextFromParagraphs(['Hi {{firstName}}']) } })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual([
      expect.objectContaining({ path: 'body', message: 'This email must include {{confirmUrl}}.' }),
    ])
  })

  it('have a preview with sample data for the team, not for the public', async () => {
    const id = await templateId('registration-confirmation-request')
    const preview = await editor.client.get(`/email-templates/${id}/preview`)
    expect(preview.status).toBe(200)
    expect(preview.headers.get('content-type')).toContain('text/html')
    expect(preview.body).toContain('Hi Adaeze,')
    expect(preview.body).toContain('Preview with sample data')
    expect((await anonymous.get(`/email-templates/${id}/preview`)).status).toBe(403)
  })

  it('cannot be written by staff, and the public cannot read them', async () => {
    const id = await templateId('registration-confirmed')
    expect((await staff.client.patch(`/email-templates/${id}`, { body: { subject: 'x' } })).status).toBe(403)
    expect((await anonymous.get(`/email-templates/${id}`)).status).toBe(403)
  })
})

describe('the email outbox', () => {
  it('is for staff: editors and the public cannot read it', async () => {
    expect((await staff.client.get('/email-outbox')).status).toBe(200)
    expect((await editor.client.get('/email-outbox')).status).toBe(403)
    expect((await anonymous.get('/email-outbox')).status).toBe(403)
  })
})

describe('with the SMTP server down', () => {
  it('accepts submissions, retries, and delivers every email exactly once when it is back', async () => {
    await smtp.stop()
    const registrations = [await register(), await register(), await register()]
    await runQueuedJobs(payload)
    const waiting = await payload.find({
      collection: 'email-outbox',
      where: { to: { in: registrations.map((registration) => registration.email) } },
    })
    expect(waiting.docs.map((doc) => [doc.status, doc.attempts])).toEqual([['queued', 1], ['queued', 1], ['queued', 1]])
    expect(waiting.docs[0].lastError).toMatch(/ECONNREFUSED/)

    smtp = await startSmtpServer(Number(process.env.SMTP_PORT))
    for (const { email } of registrations) await deliveredTo(email)
    await runQueuedJobs(payload)
    for (const { email } of registrations) expect(smtp.to(email)).toHaveLength(1)
    const sent = await payload.find({ collection: 'email-outbox', where: { id: { in: waiting.docs.map((doc) => doc.id) } } })
    expect(sent.docs.map((doc) => doc.status)).toEqual(['sent', 'sent', 'sent'])
  })
})

describe('an email that keeps failing', () => {
  it('is marked failed with its error after EMAIL_MAX_ATTEMPTS, and never sent later', async () => {
    await smtp.stop()
    process.env.EMAIL_MAX_ATTEMPTS = '1'
    try {
      const { email } = await register()
      await runQueuedJobs(payload)
      const { docs } = await payload.find({ collection: 'email-outbox', where: { to: { equals: email } } })
      expect(docs.map((doc) => [doc.status, doc.attempts])).toEqual([['failed', 1]])
      expect(docs[0].lastError).toMatch(/ECONNREFUSED/)
    } finally {
      delete process.env.EMAIL_MAX_ATTEMPTS
      smtp = await startSmtpServer(Number(process.env.SMTP_PORT))
    }
    const before = smtp.received.length
    await new Promise((resolve) => setTimeout(resolve, 1500)) // past the 1 s retry delay
    await runQueuedJobs(payload)
    expect(smtp.received).toHaveLength(before)
  })
})

describe('the app in production', () => {
  it('refuses to start without SMTP_HOST, and starts with it', async () => {
    const production: NodeJS.ProcessEnv = { ...appEnv(process.env.DATABASE_URL!), NODE_ENV: 'production', SERVER_URL: 'https://api.otei.test' }
    delete production.SMTP_HOST
    await expect(runCommand(['tsx', 'src/scripts/migrate.ts'], production)).rejects.toThrow(/SMTP_HOST must be set in production/)
    await expect(runCommand(['tsx', 'src/scripts/migrate.ts'], { ...production, SMTP_HOST: '127.0.0.1' })).resolves.toContain('migrations applied')
  }, 60_000)
})

describe('200 registrations', () => {
  it('produce exactly 200 confirmation requests', async () => {
    const event = await createOpenEvent(payload)
    const emails: string[] = []
    for (let batch = 0; batch < 10; batch++) {
      const registered = await Promise.all(Array.from({ length: 20 }, () => register({}, event.id)))
      emails.push(...registered.map((registration) => registration.email))
    }
    await waitFor('200 confirmation requests', async () => {
      await runQueuedJobs(payload)
      return emails.every((email) => smtp.to(email).length > 0) ? true : undefined
    }, { timeoutMs: 120_000 })
    const requests = emails.flatMap((email) => smtp.to(email))
    expect(requests).toHaveLength(200)
    expect(new Set(requests.map((message) => message.messageId)).size).toBe(200)
    expect(requests.every((message) => message.subject === `Confirm your registration for ${event.name}`)).toBe(true)
  }, 180_000)
})
