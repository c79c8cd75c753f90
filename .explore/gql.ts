import { validSubmission } from '../tests/helpers/submissions'
const base = 'http://127.0.0.1:3999'
const mutation = 'mutation ($data: mutationRegistrationInput!) { createRegistration(data: $data) { id } }'
for (let i = 0; i < Number(process.argv[2] ?? 1); i++) {
  const data = { ...validSubmission('registrations', 1), interestAreas: ['fintech'], ...(process.argv[3] ? { email: process.argv[3] } : {}) }
  const r = await fetch(`${base}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: mutation, variables: { data } }) })
  console.log(r.status, r.headers.get('retry-after'), (await r.text()).slice(0, 600))
}
