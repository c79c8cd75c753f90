/** first_name → firstName; already camelCase keys pass through. */
export const toCamelCase = (key: string): string => key.replace(/_([a-z0-9])/g, (_, char: string) => char.toUpperCase())

/** firstName → first_name; also for dotted paths such as interests.0. */
export const toSnakeCase = (key: string): string => key.replace(/[A-Z]/g, (char) => `_${char.toLowerCase()}`)
