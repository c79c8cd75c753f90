import { formEndpoint } from './formEndpoint'
import { staffListEndpoint } from './staffListEndpoint'

/** The endpoints named by the requirements guide (section 8), over the same collections. */
export const guideEndpoints = [
  formEndpoint({ path: '/register', collection: 'registrations', message: 'Registration received' }),
  formEndpoint({ path: '/sponsors', collection: 'sponsor-applications', message: 'Sponsor application received' }),
  formEndpoint({ path: '/exhibitors', collection: 'exhibitor-applications', message: 'Exhibitor application received' }),
  formEndpoint({ path: '/volunteer', collection: 'volunteer-applications', message: 'Volunteer application received' }),
  staffListEndpoint({ path: '/admin/registrations', collection: 'registrations' }),
  staffListEndpoint({ path: '/admin/sponsors', collection: 'sponsor-applications' }),
  staffListEndpoint({ path: '/admin/exhibitors', collection: 'exhibitor-applications' }),
  staffListEndpoint({ path: '/admin/volunteers', collection: 'volunteer-applications' }),
]
