import type { Payload } from 'payload'

import type { RestClient } from './restClient'
import { validSubmission } from './submissions'

export type Answer = {
  email: string
  status: number
  ms: number
  headers: Headers
  body: any
  /** When the request was sent, in ms since the epoch. */
  sentAt: number
}

/** No answer within this long counts as a hang, reported as status 0 instead of stalling the test. */
const HANG_MS = 30_000

/**
 * One public registration posted as a frontend would, from `ip` (each simulated client has its
 * own address, so the per-IP rate limit applies per client as in production).
 */
export async function postRegistration(client: RestClient, event: number, ip: string): Promise<Answer> {
  const body = validSubmission('registrations', event)
  const sentAt = Date.now()
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), HANG_MS)))
  try {
    const response = await Promise.race([client.post('/registrations', { body, headers: { 'X-Forwarded-For': ip } }), hang])
    return {
      email: body.email as string,
      status: response?.status ?? 0,
      ms: Date.now() - sentAt,
      headers: response?.headers ?? new Headers(),
      body: response?.body,
      sentAt,
    }
  } finally {
    clearTimeout(timer)
  }
}

/** `clients` concurrent clients, each posting one registration after another while `more(client)` holds. */
export async function runClients(
  clients: number,
  post: (client: number) => Promise<Answer>,
  more: (client: number, posted: number) => boolean,
): Promise<Answer[]> {
  const answers: Answer[] = []
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let posted = 0; more(client, posted); posted++) answers.push(await post(client))
    }),
  )
  return answers
}

export type StoredRegistration = { id: number; email: string; outboxIds: number[]; jobs: number }
export type StoredWrites = {
  registrations: StoredRegistration[]
  /** Every confirmation-request outbox row and every sendEmail job, whoever they belong to. */
  outboxRows: number
  jobs: number
}

/**
 * Every registration in the database with its confirmation-request outbox rows and the sendEmail
 * jobs queued for them: the whole of what one public registration writes.
 */
export async function storedWrites(payload: Payload): Promise<StoredWrites> {
  const [registrations, outbox, jobs] = await Promise.all([
    payload.find({ collection: 'registrations', pagination: false, depth: 0, select: { email: true } }),
    payload.find({
      collection: 'email-outbox',
      pagination: false,
      depth: 0,
      where: { template: { equals: 'registration-confirmation-request' } },
      select: { submission: true },
    }),
    payload.find({ collection: 'payload-jobs', pagination: false, depth: 0, where: { taskSlug: { equals: 'sendEmail' } } }),
  ])
  const jobsByOutbox = new Map<number, number>()
  for (const job of jobs.docs) {
    const outboxId = Number((job.input as { outboxId?: unknown } | undefined)?.outboxId)
    jobsByOutbox.set(outboxId, (jobsByOutbox.get(outboxId) ?? 0) + 1)
  }
  const outboxByRegistration = new Map<number, number[]>()
  for (const email of outbox.docs) {
    const submission = email.submission as { relationTo: string; value: number | { id: number } } | null | undefined
    if (submission?.relationTo !== 'registrations') continue
    const id = typeof submission.value === 'number' ? submission.value : submission.value.id
    outboxByRegistration.set(id, [...(outboxByRegistration.get(id) ?? []), email.id as number])
  }
  return {
    registrations: registrations.docs.map((registration) => {
      const outboxIds = outboxByRegistration.get(registration.id as number) ?? []
      return {
        id: registration.id as number,
        email: registration.email as string,
        outboxIds,
        jobs: outboxIds.reduce((sum, id) => sum + (jobsByOutbox.get(id) ?? 0), 0),
      }
    }),
    outboxRows: outbox.docs.length,
    jobs: jobs.docs.length,
  }
}
