import type { Field } from 'payload'

import { emailField } from './emailField'
import { phoneField } from './phoneField'

/** The email and phone pair every form asks for, side by side in the admin. */
export const contactFields = ({ email = 'email', phone = 'phone' } = {}): Field => ({
  type: 'row',
  fields: [emailField(email), phoneField(phone)],
})
