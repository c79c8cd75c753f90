import { describe, expect, it } from 'vitest'

import { SECURITY_EVENT_RETENTION_DAYS } from '@/jobs/tasks/purgeSecurityEvents'

import { getTestPayload } from '../helpers/payload'

describe('security events as the daily purge job finds them', () => {
  it('are deleted after 30 days and kept before', async () => {
    const payload = await getTestPayload()
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString()
    const old = await payload.create({
      collection: 'security-events',
      data: { kind: 'honeypot', form: 'retention-spec', createdAt: daysAgo(SECURITY_EVENT_RETENTION_DAYS + 1) },
    })
    const recent = await payload.create({
      collection: 'security-events',
      data: { kind: 'honeypot', form: 'retention-spec', createdAt: daysAgo(SECURITY_EVENT_RETENTION_DAYS - 1) },
    })
    const job = await payload.jobs.queue({ task: 'purgeSecurityEvents', input: {} })
    await payload.jobs.runByID({ id: job.id })

    const left = await payload.find({ collection: 'security-events', where: { form: { equals: 'retention-spec' } } })
    expect(left.docs.map((doc) => doc.id)).toEqual([recent.id])
    expect(left.docs.map((doc) => doc.id)).not.toContain(old.id)
  })
})
