import type { Endpoint } from 'payload'

import { CAPTCHA_BODY_FIELD, CAPTCHA_HEADER, HONEYPOT_FIELD, screenPublicPost } from '@/abuse/guardPublicSubmission'
import { errorAnswer } from '@/plugins/openapi/errorAnswers'
import { PRIVACY_CAPTCHA_ACTION, PRIVACY_REQUEST_FORM, privacyLinkHours, sealRequestedAddress } from '@/privacy/privacyLink'

import { readEmailBody } from './readEmail'

export const privacyRequestAnswer = () =>
  `If we hold data about this address, we have emailed it a link to see, download or erase that data. The link works for ${privacyLinkHours()} hours.`

/**
 * POST /api/privacy/requests {"email"}: a person asks for the data held about their address. The
 * same checks as the forms (rate limits, honeypot, captcha), then one job queued whatever the
 * address: the answer, its headers and its timing say nothing about whether the address is known.
 * The job emails the link only to an address the app holds data about (src/jobs/tasks/sendPrivacyLink.ts).
 */
export const requestPrivacyLink: Endpoint = {
  path: '/privacy/requests',
  method: 'post',
  handler: async (req) => {
    const { email, body } = await readEmailBody(req, PRIVACY_REQUEST_FORM)
    const { spam } = await screenPublicPost(req, { form: PRIVACY_REQUEST_FORM, captchaAction: PRIVACY_CAPTCHA_ACTION, freeText: [], email, data: body })
    if (!spam) await req.payload.jobs.queue({ task: 'sendPrivacyLink', input: { address: sealRequestedAddress(email) } })
    return Response.json({ message: privacyRequestAnswer() }, { status: 202, headers: { 'Cache-Control': 'no-store' } })
  },
  custom: {
    openapi: {
      tags: ['Privacy'],
      summary: 'Ask for a link to see, download or erase the data held about an email address',
      description:
        'The answer is the same whether or not the address is known. Rate limited and captcha-checked like the forms ' +
        `(token in \`${CAPTCHA_HEADER}\` or \`${CAPTCHA_BODY_FIELD}\`; \`${HONEYPOT_FIELD}\` is the honeypot).`,
      security: [],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['email'],
              properties: { email: { type: 'string', format: 'email' }, [CAPTCHA_BODY_FIELD]: { type: 'string' } },
            },
          },
        },
      },
      responses: {
        202: { description: 'Accepted; a link is emailed if the address is known' },
        400: errorAnswer(400, 'Missing or invalid `email`, or the captcha failed (field errors)'),
        413: errorAnswer(413, 'Body too large'),
        429: errorAnswer(429, 'Too many requests from this IP or for this address'),
        503: errorAnswer(503, 'The captcha provider did not answer'),
      },
    },
  },
}
