import { describe, expect, it } from 'vitest'

import { RestClient } from '../helpers/restClient'

const anonymous = RestClient.anonymous()

describe('API documentation as a frontend developer', () => {
  it('serves an OpenAPI 3.1 document covering the collections and the guide endpoints', async () => {
    const response = await anonymous.get('/openapi.json')
    expect(response.status).toBe(200)
    const spec = response.body
    expect(spec.openapi).toMatch(/^3\.1/)
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/registrations',
        '/api/sponsor-applications',
        '/api/exhibitor-applications',
        '/api/volunteer-applications',
        '/api/events',
        '/api/register',
        '/api/sponsors',
        '/api/exhibitors',
        '/api/volunteer',
        '/api/admin/registrations',
        '/api/health',
      ]),
    )
  })

  it('lists the choice values of each select', async () => {
    const { body: spec } = await anonymous.get('/openapi.json')
    const registration = spec.components.schemas.Registration.properties
    expect(registration.participantCategories.items.enum).toEqual(expect.arrayContaining(['student', 'startup-founder']))
    expect(spec.components.schemas.SponsorApplication.properties.sponsorTier.enum).toEqual(
      expect.arrayContaining(['gold', 'silver']),
    )
    const guideBody = spec.paths['/api/register'].post.requestBody.content['application/json'].schema
    expect(guideBody.properties.participant_categories.items.enum).toContain('student')
    expect(guideBody.required).toEqual(expect.arrayContaining(['first_name', 'email', 'physical_event_ack']))
    expect(guideBody.properties).not.toHaveProperty('status')
  })

  it('serves a browsable docs page at /api/docs', async () => {
    const response = await anonymous.get('/docs')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/text\/html/)
  })
})
