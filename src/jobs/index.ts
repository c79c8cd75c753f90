import { expireUnconfirmedRegistrations } from './tasks/expireUnconfirmedRegistrations'
import { purgeSecurityEvents } from './tasks/purgeSecurityEvents'
import { sendEmail } from './tasks/sendEmail'

export const tasks = [sendEmail, expireUnconfirmedRegistrations, purgeSecurityEvents]
