import { inject } from 'vitest'

// Runs before each test file's imports are evaluated, so payload.config.ts reads these.
process.env.DATABASE_URL = inject('databaseUrl')
process.env.PAYLOAD_SECRET = inject('payloadSecret')
