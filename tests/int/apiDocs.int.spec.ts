import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import openapiTS, { astToString } from 'openapi-typescript'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { RestClient } from '../helpers/restClient'

const anonymous = RestClient.anonymous()

/** Runs a Node.js command line; its exit code and output, whatever the code. */
function runNode(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      // No network: no telemetry, no update check.
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

type Example = { line: number; method: string; path: string; what: 'request' | number; code: string }

/**
 * The examples of docs/api.md marked `<!-- example: POST /api/register 201 -->` above their code
 * block: a JSON block is the body itself, a `fetch` block's body is the argument of its
 * `JSON.stringify(…)`.
 */
async function docExamples(): Promise<Example[]> {
  const doc = await readFile('docs/api.md', 'utf8')
  const marked = /<!-- example: ([A-Z]+) (\S+) (request|\d{3}) -->\n```(js|json)\n([\s\S]*?)\n```/g
  return [...doc.matchAll(marked)].map(([, method, rawPath, what, language, block], index, all) => {
    const line = doc.slice(0, all[index].index).split('\n').length
    const code = language === 'json' ? block : stringifiedLiteral(block, line)
    // The guide's paths end in a slash, as the guide writes them; the document names them without.
    const path = rawPath.split('?')[0].replace(/(.)\/$/, '$1')
    return { line, method: method.toLowerCase(), path, what: what === 'request' ? 'request' : Number(what), code }
  })
}

/** The argument of the first `JSON.stringify(` in a code block, brackets balanced. */
function stringifiedLiteral(block: string, line: number): string {
  const start = block.indexOf('JSON.stringify(')
  if (start < 0) throw new Error(`docs/api.md:${line}: the example has no JSON.stringify(…) body`)
  let depth = 0
  let quote: string | undefined
  for (let at = start + 'JSON.stringify'.length; at < block.length; at++) {
    const char = block[at]
    if (quote) {
      if (char === '\\') at++
      else if (char === quote) quote = undefined
    } else if (char === "'" || char === '"' || char === '`') quote = char
    else if (char === '(') depth++
    else if (char === ')' && --depth === 0) return block.slice(start + 'JSON.stringify('.length, at)
  }
  throw new Error(`docs/api.md:${line}: unbalanced JSON.stringify(…)`)
}

/** A client's use of the generated types: each example assigned to its operation's body type. */
const clientUsage = (examples: Example[]) =>
  [
    "import type { paths } from './api'",
    '',
    'type Operation<P extends keyof paths, M extends string> = M extends keyof paths[P] ? NonNullable<paths[P][M]> : never',
    "type RequestJson<P extends keyof paths, M extends string> = Operation<P, M> extends { requestBody?: { content: { 'application/json': infer Body } } } ? Body : never",
    'type AnswerJson<P extends keyof paths, M extends string, S extends number> = Operation<P, M> extends { responses: infer Answers }',
    "  ? S extends keyof Answers ? (Answers[S] extends { content: { 'application/json': infer Body } } ? Body : never) : never",
    '  : never',
    '',
    ...examples.map(({ line, method, path, what, code }, index) => {
      const type = what === 'request' ? `RequestJson<'${path}', '${method}'>` : `AnswerJson<'${path}', '${method}', ${what}>`
      return `// docs/api.md:${line}\nexport const example${index}: ${type} = ${code}\n`
    }),
  ].join('\n')

/** tsc's complaints about a file, as `file:line message`. */
function typeErrors(file: string): string[] {
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: [],
  })
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : '?'
    return `${path.basename(diagnostic.file?.fileName ?? '')}:${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`
  })
}

describe('API documentation as a frontend developer', () => {
  it('serves an OpenAPI 3.1 document covering the collections and the guide endpoints', async () => {
    const response = await anonymous.get('/openapi.json')
    expect(response.status).toBe(200)
    const spec = response.body
    expect(spec.openapi).toMatch(/^3\.1/)
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/registrations',
        '/api/sponsor-applications',
        '/api/exhibitor-applications',
        '/api/volunteer-applications',
        '/api/events',
        '/api/register',
        '/api/sponsors',
        '/api/exhibitors',
        '/api/volunteer',
        '/api/admin/registrations',
        '/api/health',
      ]),
    )
  })

  it('lists the choice values of each select', async () => {
    const { body: spec } = await anonymous.get('/openapi.json')
    const registration = spec.components.schemas.Registration.properties
    expect(registration.participantCategories.items.enum).toEqual(expect.arrayContaining(['student', 'startup-founder']))
    expect(spec.components.schemas.SponsorApplication.properties.sponsorTier.enum).toEqual(
      expect.arrayContaining(['gold', 'silver']),
    )
    const guideBody = spec.paths['/api/register'].post.requestBody.content['application/json'].schema
    expect(guideBody.properties.participant_categories.items.enum).toContain('student')
    expect(guideBody.required).toEqual(expect.arrayContaining(['first_name', 'email', 'physical_event_ack']))
    expect(guideBody.properties).not.toHaveProperty('status')
  })

  it('serves a browsable docs page at /api/docs', async () => {
    const response = await anonymous.get('/docs')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/text\/html/)
  })

  describe('as a tool', () => {
    let dir: string
    let documentFile: string

    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'otei-openapi-'))
      documentFile = path.join(dir, 'openapi.json')
      await writeFile(documentFile, JSON.stringify((await anonymous.get('/openapi.json')).body, null, 2))
      // The client's types, as a frontend would generate them.
      await writeFile(path.join(dir, 'api.d.ts'), astToString(await openapiTS(new URL(`file://${documentFile}`))))
    })
    afterAll(() => rm(dir, { recursive: true, force: true }))

    it('passes redocly lint (recommended rules) with no error', async () => {
      const { code, stdout, stderr } = await runNode(['node_modules/@redocly/cli/bin/cli.js', 'lint', '--config', 'redocly.yaml', '--format', 'json', documentFile])
      const report = JSON.parse(stdout || '{}')
      const problems = (report.problems ?? []).map(
        (problem: { ruleId: string; severity: string; location: { pointer: string }[] }) => `${problem.severity} ${problem.ruleId} ${problem.location[0]?.pointer}`,
      )
      expect(problems.filter((problem: string) => problem.startsWith('error')), stderr).toEqual([])
      expect(code, stderr).toBe(0)
      // The only warnings left: operations that answer no 4xx to anyone (redocly.yaml).
      expect(problems.sort()).toEqual(
        ['/api/access', '/api/health', '/api/users/init', '/api/users/me'].map(
          (route) => `warn operation-4xx-response #/paths/${route.replaceAll('/', '~1')}/get/responses`,
        ),
      )
    })

    it('generates a client (openapi-typescript) that the examples of docs/api.md type-check against', async () => {
      const examples = await docExamples()
      expect(examples.map(({ method, path, what }) => `${method} ${path} ${what}`)).toEqual(
        expect.arrayContaining(['post /api/registrations request', 'post /api/registrations 201', 'post /api/registrations 400', 'post /api/register request', 'post /api/register 201', 'get /api/status 200']),
      )
      await writeFile(path.join(dir, 'client.ts'), clientUsage(examples))
      expect(typeErrors(path.join(dir, 'client.ts'))).toEqual([])
    })

    it('fails the type check when an example drifts from the document', async () => {
      // A field the document does not know, in every example: none of them is typed loosely enough to take it.
      const examples = await docExamples()
      const drifted = examples.map((example) => ({ ...example, code: example.code.replace('{', '{ notAField: true, ') }))
      await writeFile(path.join(dir, 'drifted.ts'), clientUsage(drifted))
      const errors = typeErrors(path.join(dir, 'drifted.ts'))
      expect(errors).toHaveLength(examples.length)
      for (const error of errors) expect(error).toContain('notAField')
    })
  })
})
