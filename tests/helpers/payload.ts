import { getPayload, type Payload } from 'payload'

import config from '@payload-config'

/** The app's Payload instance for setting up state; assertions go through RestClient. */
export const getTestPayload = (): Promise<Payload> => getPayload({ config })
