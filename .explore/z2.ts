import { passwordProblem } from '../src/collections/Users/hooks/requireStrongPassword'
const run = Date.now().toString(36)
for (const [p, e] of [[`editor-password-${run}`, `editor-${run}@otei.test`], [`staff-password-${run}`, `staff-${run}@otei.test`], [`admin-password-${run}`, `admin-${run}@otei.test`], [`reviewer-password-${run}`, `reviewer-${run}@otei.test`], [`staff-password-${run}`, `tfa-staff-${run}@otei.test`]])
  console.log(p, await passwordProblem(p, [e]))
