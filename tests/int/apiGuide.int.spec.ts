import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

import * as choices from '@/lib/choices'

const apiGuide = readFileSync('docs/api.md', 'utf8')
const securityGuide = readFileSync('docs/security.md', 'utf8')
type ChoiceList = readonly { value: string; label: string }[]
const lists = (Object.entries(choices) as [string, unknown][]).filter(
  (entry): entry is [string, ChoiceList] => Array.isArray(entry[1]) && typeof entry[1][0] === 'object',
)

// Lists no client sends or reads: an operator's, described in docs/security.md.
const OPERATOR_LISTS = ['SECURITY_EVENT_KINDS', 'AUDIT_ACTIONS']

describe('docs/api.md as a frontend developer reads it', () => {
  it.each(lists.filter(([name]) => !OPERATOR_LISTS.includes(name)))('lists every value of %s', (_name, list) => {
    for (const { value } of list) expect(apiGuide).toContain(`\`${value}\``)
  })
})

describe('docs/security.md as an operator reads it', () => {
  it('names every kind of security event', () => {
    for (const { value } of choices.SECURITY_EVENT_KINDS) expect(securityGuide).toContain(`\`${value}\``)
  })

  it('names every action of the audit log', () => {
    for (const { value } of choices.AUDIT_ACTIONS) expect(securityGuide).toContain(`\`${value}\``)
  })
})
