import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

import { assertPinnedVersion, installedVersion } from '@/lib/pinnedVersion'
import { SUBMISSION_FORMS } from '@/submissions'
import { PUBLIC_FORM_PATHS_FILE, publicFormPaths } from '@/submissions/publicFormPaths'
import { sponsorApplications } from '@/submissions/sponsorApplications'
import { submissionCollection } from '@/submissions/submissionCollection'

describe('the forms registry, as a developer adding a form', () => {
  it('has the production server guard every form path it knows (src/submissions/publicFormPaths.json is current)', () => {
    const written = JSON.parse(readFileSync(PUBLIC_FORM_PATHS_FILE, 'utf8'))
    expect(written).toEqual(publicFormPaths())
    for (const { slug, guide } of SUBMISSION_FORMS) {
      expect(written.paths.payload).toContain(`/api/${slug}`)
      expect(written.paths.guide).toContain(`/api${guide.submitPath}`)
    }
  })

  it('refuses a form that names a field it does not have', () => {
    expect(() => submissionCollection({ ...sponsorApplications, freeText: [...sponsorApplications.freeText, 'pitchDeck'] })).toThrow(
      'Form sponsor-applications names fields it does not have: pitchDeck',
    )
  })
})

describe('code written against a library internal, after an upgrade', () => {
  it('refuses to start, naming the versions and where to look', () => {
    expect(() => assertPinnedVersion('pg', '7.0.0', 'src/db/outageTolerantPg.ts')).toThrow(
      `src/db/outageTolerantPg.ts depends on internals of pg 7.0.0, but pg ${installedVersion('pg')} is installed. Check it against the new version as docs/upgrading.md describes`,
    )
    expect(() => assertPinnedVersion('pg', installedVersion('pg'), 'src/db/outageTolerantPg.ts')).not.toThrow()
  })
})
