import type { CollectionBeforeOperationHook, Where } from 'payload'

import { toE164 } from '@/lib/phone'

const TEXT_OPERATORS = ['equals', 'like', 'contains'] as const

/** What a phone typed the Nigerian way looks like as stored: the whole E.164 number, or its digits after the leading 0. */
function asStored(search: string): string {
  const e164 = toE164(search)
  if (e164) return e164
  const digits = search.replace(/[\s().-]/g, '')
  return /^0\d+$/.test(digits) ? digits.slice(1) : search
}

function rewrite(where: Where, phoneFields: string[]): Where {
  return Object.fromEntries(
    Object.entries(where).map(([key, condition]) => {
      if ((key === 'and' || key === 'or') && Array.isArray(condition))
        return [key, condition.map((nested) => rewrite(nested, phoneFields))]
      if (!phoneFields.includes(key) || !condition || typeof condition !== 'object') return [key, condition]
      const operators = { ...(condition as Record<string, unknown>) }
      for (const operator of TEXT_OPERATORS) {
        const value = operators[operator]
        if (typeof value === 'string') operators[operator] = asStored(value)
      }
      return [key, operators]
    }),
  )
}

/**
 * Staff search for phones as people write them ("0803 123 4567"), while they are stored in E.164
 * ("+2348031234567"): phone conditions in a read query, the admin's search box included, are
 * rewritten to the stored form.
 */
export const normalizePhoneSearch =
  (phoneFields: string[]): CollectionBeforeOperationHook =>
  ({ args, operation }) => {
    if (operation !== 'read' || !('where' in args) || !args.where) return args
    return { ...args, where: rewrite(args.where, phoneFields) }
  }
