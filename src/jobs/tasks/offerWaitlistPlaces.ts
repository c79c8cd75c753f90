import { sql } from '@payloadcms/db-postgres/drizzle'
import { commitTransaction, initTransaction, killTransaction, type TaskConfig } from 'payload'

import { requestDatabase } from '@/db/requestDatabase'
import { countPlacesTaken, lockEventCapacity } from '@/submissions/registrations/places'

/**
 * Offers an event's free places to its waitlist, first come first served: queued whenever a
 * place frees (a cancellation, a lapsed offer, a deletion) or the capacity grows. One transaction
 * under the event's lock, so runs for the same event (two processes, two cancellations) never
 * offer one place twice. Each offer is a status change (waitlisted → offered) and brings its email.
 */
export const offerWaitlistPlaces: TaskConfig<'offerWaitlistPlaces'> = {
  slug: 'offerWaitlistPlaces',
  retries: 3,
  inputSchema: [{ name: 'event', type: 'number', required: true }],
  outputSchema: [{ name: 'offered', type: 'number', required: true }],
  handler: async ({ input, req }) => {
    const { payload } = req
    const shouldCommit = await initTransaction(req)
    try {
      const capacity = await lockEventCapacity(req, input.event)
      const free = capacity === null ? null : Math.max(0, capacity - (await countPlacesTaken(req, input.event)))
      const database = await requestDatabase(payload, req)
      const { rows } = await database.execute(sql`
        select id from registrations where event_id = ${input.event} and status = 'waitlisted'
        order by waitlisted_at nulls last, id ${free === null ? sql`` : sql`limit ${free}`}`)
      for (const { id } of rows) {
        await payload.update({
          collection: 'registrations',
          id: id as number,
          data: { status: 'offered' },
          overrideAccess: true,
          depth: 0,
          select: {},
          req,
        })
      }
      if (shouldCommit) await commitTransaction(req)
      return { output: { offered: rows.length } }
    } catch (error) {
      if (shouldCommit) await killTransaction(req)
      throw error
    }
  },
}
