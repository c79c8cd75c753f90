import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'
import type { EmailAdapter } from 'payload'

import { intEnv } from '@/lib/env'

const fromAddress = () => process.env.EMAIL_FROM || 'no-reply@otei.local'
const fromName = () => process.env.EMAIL_FROM_NAME || 'OTEI'

/**
 * Without SMTP settings (development), emails are written to the log, links included, so a
 * developer can follow a confirmation link. Production refuses to start without SMTP_HOST.
 */
const logEmailAdapter: EmailAdapter<{ messageId: string }> = ({ payload }) => ({
  name: 'log',
  defaultFromAddress: fromAddress(),
  defaultFromName: fromName(),
  sendEmail: async (message) => {
    payload.logger.info({ msg: `email (not sent: SMTP_HOST is not set)\nTo: ${String(message.to)}\nSubject: ${message.subject}\n\n${message.text}` })
    return { messageId: String(message.messageId ?? '') }
  },
})

export const emailAdapter = () =>
  process.env.SMTP_HOST
    ? nodemailerAdapter({
        defaultFromAddress: fromAddress(),
        defaultFromName: fromName(),
        skipVerify: true,
        transport: nodemailer.createTransport({
          host: process.env.SMTP_HOST,
          port: intEnv('SMTP_PORT', 587),
          secure: process.env.SMTP_SECURE === 'true',
          auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD } : undefined,
          // Reuse connections for bursts of emails; give up on a dead server in seconds, not
          // nodemailer's minutes, so the job fails and is retried later.
          pool: true,
          maxConnections: intEnv('SMTP_MAX_CONNECTIONS', 5),
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        }),
      })
    : logEmailAdapter

/** The domain of our Message-IDs, from the sender address. */
export const messageIdDomain = () => fromAddress().split('@')[1] || 'otei.local'
