import { ExhibitorApplications } from '@/collections/ExhibitorApplications'
import { Registrations } from '@/collections/Registrations'
import { SponsorApplications } from '@/collections/SponsorApplications'
import { VolunteerApplications } from '@/collections/VolunteerApplications'

import { formEndpoint } from './formEndpoint'
import { staffListEndpoint } from './staffListEndpoint'

/** The endpoints named by the requirements guide (section 8), over the same collections. */
export const guideEndpoints = [
  formEndpoint({ path: '/register', collection: Registrations, message: 'Registration received' }),
  formEndpoint({ path: '/sponsors', collection: SponsorApplications, message: 'Sponsor application received' }),
  formEndpoint({ path: '/exhibitors', collection: ExhibitorApplications, message: 'Exhibitor application received' }),
  formEndpoint({ path: '/volunteer', collection: VolunteerApplications, message: 'Volunteer application received' }),
  staffListEndpoint({ path: '/admin/registrations', collection: 'registrations' }),
  staffListEndpoint({ path: '/admin/sponsors', collection: 'sponsor-applications' }),
  staffListEndpoint({ path: '/admin/exhibitors', collection: 'exhibitor-applications' }),
  staffListEndpoint({ path: '/admin/volunteers', collection: 'volunteer-applications' }),
]
