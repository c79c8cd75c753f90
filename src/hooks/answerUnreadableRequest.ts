import type { AfterErrorHook } from 'payload'

import { isUnreadableRequest, UNREADABLE_REQUEST_MESSAGE } from '@/lib/unreadableRequest'

/** A REST request whose body or JSON query parameter cannot be parsed is the client's mistake: 400, not 500. */
export const answerUnreadableRequest: AfterErrorHook = ({ error, graphqlResult }) => {
  if (graphqlResult || !isUnreadableRequest(error)) return
  return { status: 400, response: { errors: [{ message: UNREADABLE_REQUEST_MESSAGE }] } }
}
