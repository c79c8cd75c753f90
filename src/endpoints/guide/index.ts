import { SUBMISSION_FORMS } from '@/submissions'

import { formEndpoint } from './formEndpoint'
import { staffListEndpoint } from './staffListEndpoint'

/** The endpoints named by the requirements guide (section 8), for every form: its POST and its staff list. */
export const guideEndpoints = SUBMISSION_FORMS.flatMap((form) => [formEndpoint(form), staffListEndpoint(form)])
