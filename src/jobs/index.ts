import { purgeSecurityEvents } from './tasks/purgeSecurityEvents'

export const tasks = [purgeSecurityEvents]
