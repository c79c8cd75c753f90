import type { CollectionBeforeChangeHook } from 'payload'

/** Keeps `name` (the admin title and list column) in step with first and last name. */
export const fillFullName: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const firstName = data.firstName ?? originalDoc?.firstName
  const lastName = data.lastName ?? originalDoc?.lastName
  return { ...data, name: [firstName, lastName].filter(Boolean).join(' ') }
}
