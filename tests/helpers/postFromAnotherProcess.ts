/**
 * A second app process for the rate-limit tests: its own Payload instance and limiters, the same
 * database. Posts `count` registrations for `event` from `ip` and prints the statuses as JSON.
 *   tsx tests/helpers/postFromAnotherProcess.ts <event> <ip> <count>
 */
import { RestClient } from './restClient'
import { validSubmission } from './submissions'

const [event, ip, count] = process.argv.slice(2)
const statuses: number[] = []
for (let index = 0; index < Number(count); index++) {
  const response = await RestClient.anonymous().post('/registrations', {
    body: validSubmission('registrations', Number(event)),
    headers: { 'X-Forwarded-For': ip },
  })
  statuses.push(response.status)
}
console.log(JSON.stringify(statuses))
process.exit(0)
