import { formatAdminURL } from 'payload/shared'

/** Field → operator → value, as Payload's list view reads it from `?where[field][operator]=value`. */
export type ListFilter = Record<string, Record<string, number | string | readonly string[]>>

/**
 * The admin list of a collection filtered by `filter`: what a number on the dashboard links to,
 * so a click shows the very rows it counts. Arrays (for `in`) become `where[status][in][0]=…`.
 */
export function adminListUrl(adminRoute: string, slug: string, filter: ListFilter): string {
  const params: string[] = []
  for (const [field, conditions] of Object.entries(filter)) {
    for (const [operator, value] of Object.entries(conditions)) {
      const key = `where[${field}][${operator}]`
      if (Array.isArray(value)) value.forEach((item, index) => params.push(`${key}[${index}]=${encodeURIComponent(item)}`))
      else params.push(`${key}=${encodeURIComponent(String(value))}`)
    }
  }
  const path = formatAdminURL({ adminRoute, path: `/collections/${slug}` })
  return params.length ? `${path}?${params.join('&')}` : path
}
