import type { FieldAccess } from 'payload'

/** Fields the server fills in (when a decision was made, a waitlist place): no client writes them. */
export const setByServer: FieldAccess = () => false
