import { describe, expect, it } from 'vitest'

import { RestClient } from '../helpers/restClient'

const anonymous = RestClient.anonymous()

describe('GraphQL as an anonymous client', () => {
  it('answers an ordinary query', async () => {
    const response = await anonymous.graphql('{ Events(limit: 1) { docs { name slug } totalDocs } }')
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data.Events.totalDocs).toEqual(expect.any(Number))
  })

  it('refuses a query nested deeper than 10 levels', async () => {
    const nested = 'event { '.repeat(10) + 'id' + ' }'.repeat(10)
    const response = await anonymous.graphql(`{ Registrations { docs { ${nested} } } }`)
    expect(response.body.errors?.[0]?.message).toMatch(/depth/i)
    expect(response.body.data).toBeUndefined()
  })

  it('refuses a query whose complexity is over 1000', async () => {
    const aliases = Array.from({ length: 600 }, (_, index) => `e${index}: Events(limit: 1) { totalDocs }`).join(' ')
    const response = await anonymous.graphql(`{ ${aliases} }`)
    expect(response.body.errors?.[0]?.message).toMatch(/complexity/i)
  })
})
