import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'

/** A hook that extends the Drizzle schema Payload builds (`afterSchemaInit`), e.g. with indexes a collection's `indexes` cannot express. */
export type SchemaHook = NonNullable<PostgresAdapterArgs['afterSchemaInit']>[number]

/** The table Payload makes for a collection slug ("volunteer-applications" → volunteer_applications). */
export const tableName = (slug: string): string => slug.replaceAll('-', '_')
