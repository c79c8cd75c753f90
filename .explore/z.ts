import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as en from '@zxcvbn-ts/language-en'
const z = new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...en.dictionary }, graphs: common.adjacencyGraphs, translations: en.translations })
for (const p of ['seeded-admin-password-1','pw-3f2a9b8c7d6e5f40','a-long-password','founder-password','friend-password','intruder-password','latecomer-password','not-the-password','correct-horse-battery-9','Password123!','otei2027otei', 'admin@otei.test'])
  { const r = await z.checkAsync(p, ['admin@otei.test','otei']); console.log(p, r.score, r.feedback.warning) }
