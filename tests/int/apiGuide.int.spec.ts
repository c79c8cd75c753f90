import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

import * as choices from '@/lib/choices'

const apiGuide = readFileSync('docs/api.md', 'utf8')
const lists = Object.entries(choices).filter(
  (entry): entry is [string, readonly { value: string; label: string }[]] =>
    Array.isArray(entry[1]) && typeof entry[1][0] === 'object',
)

describe('docs/api.md as a frontend developer reads it', () => {
  it.each(lists)('lists every value of %s', (_name, list) => {
    for (const { value } of list) expect(apiGuide).toContain(`\`${value}\``)
  })
})
