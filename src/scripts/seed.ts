/**
 * npm run seed: an admin account, a sample OTEI event with its programme (speakers, sessions,
 * partners, FAQs, an about page) and any missing default email templates. Safe to run again: what exists is kept.
 * ADMIN_EMAIL / ADMIN_PASSWORD choose the admin; without a password one is generated and printed once.
 */
import { randomBytes } from 'node:crypto'
import { getPayload } from 'payload'

import { ensureDefaultTemplates } from '@/email/ensureDefaultTemplates'

import { seedEventContent } from './seedEventContent'

import config from '../../payload.config'

const SAMPLE_EVENT_SLUG = 'otei-2027'

async function seed() {
  const payload = await getPayload({ config })
  const context = { skipEmails: true }

  const email = (process.env.ADMIN_EMAIL || 'admin@otei.local').trim().toLowerCase()
  const existing = await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1 })
  if (existing.totalDocs > 0) {
    payload.logger.info(`seed: admin ${email} exists, left unchanged`)
  } else {
    const password = process.env.ADMIN_PASSWORD || randomBytes(12).toString('base64url')
    await payload.create({
      collection: 'users',
      data: { email, password, name: 'OTEI Admin', roles: ['admin'] },
      context,
    })
    payload.logger.info(
      process.env.ADMIN_PASSWORD
        ? `seed: created admin ${email}`
        : `seed: created admin ${email} with password ${password} (shown once; change it after logging in)`,
    )
  }

  const event = await payload.find({
    collection: 'events',
    where: { slug: { equals: SAMPLE_EVENT_SLUG } },
    limit: 1,
    draft: true,
  })
  let sampleEvent = event.docs[0]
  if (sampleEvent) {
    payload.logger.info(`seed: event ${SAMPLE_EVENT_SLUG} exists, left unchanged`)
  } else {
    sampleEvent = await payload.create({
      collection: 'events',
      data: {
        name: 'Ogbomoso Tech & Entrepreneurship Ignite 2027',
        slug: SAMPLE_EVENT_SLUG,
        startsAt: '2027-03-20T08:00:00.000Z',
        endsAt: '2027-03-20T17:00:00.000Z',
        timezone: 'Africa/Lagos',
        venue: 'LAUTECH Main Auditorium, Ogbomoso, Oyo State',
        capacity: 2000,
        registrationOpensAt: '2026-11-01T00:00:00.000Z',
        registrationClosesAt: '2027-03-18T22:59:00.000Z',
        _status: 'published',
      },
      context,
    })
    payload.logger.info(`seed: created event ${SAMPLE_EVENT_SLUG}`)
  }
  const content = await seedEventContent(payload, sampleEvent, context)
  payload.logger.info(content.length ? `seed: created ${content.join(', ')}` : 'seed: event content exists, left unchanged')
  const created = await ensureDefaultTemplates(payload)
  payload.logger.info(`seed: ${created} default email template(s) created`)
  await payload.destroy()
}

seed()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error)
    process.exit(1)
  })
