import { ownPersonalData } from './ownPersonalData'
import { personalDataForStaff } from './personalDataForStaff'
import { requestPrivacyLink } from './requestPrivacyLink'

/** Data-subject requests: staff's lookup, export and erasure, and the person's own (docs/security.md, "Privacy"). */
export const privacyEndpoints = [...personalDataForStaff, requestPrivacyLink, ...ownPersonalData]
