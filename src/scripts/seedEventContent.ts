import type { CollectionSlug, Payload } from 'payload'

import { richTextFromParagraphs } from '@/email/defaultTemplates'
import { slugify } from '@/fields/slugField'
import type { Faq } from '@/payload-types'

import { initialsAvatar, wordmarkLogo } from './placeholderImages'

type Context = Record<string, unknown>

/** Rich text as the generated types spell it (Lexical's own type lacks their index signature). */
type RichText = NonNullable<Faq['answer']>
const paragraphs = (...texts: string[]) => richTextFromParagraphs(texts) as unknown as RichText

/** Lagos is UTC+1 all year: the programme is written in Lagos time. */
const lagos = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`).toISOString()

const SPEAKERS = [
  { key: 'adeola', name: 'Adeola Ogunleye', jobTitle: 'Founder', organisation: 'Ignite Hub Ogbomoso', colour: '#b4411d' },
  { key: 'tunde', name: 'Tunde Bakare', jobTitle: 'Partner', organisation: 'Savannah Ventures', colour: '#1d5fb4' },
  { key: 'chiamaka', name: 'Chiamaka Eze', jobTitle: 'Head of Product', organisation: 'PayWise', colour: '#6b2fa3' },
  { key: 'ibrahim', name: 'Ibrahim Musa', jobTitle: 'Agritech researcher', organisation: 'LAUTECH', colour: '#2f7d32' },
  { key: 'funke', name: 'Funke Adeyemi', jobTitle: 'Lead data scientist', organisation: 'Oyo Analytics', colour: '#a3652f' },
  { key: 'kelechi', name: 'Kelechi Obi', jobTitle: 'Developer advocate', organisation: 'CodeCamp Oyo', colour: '#2f8f8f' },
] as const

type SpeakerKey = (typeof SPEAKERS)[number]['key']

const SESSIONS: { title: string; kind: string; from: string; to: string; room: string; track?: string; speakers: SpeakerKey[]; about: string }[] = [
  { title: 'Opening: igniting Ogbomoso', kind: 'talk', from: '09:00', to: '09:30', room: 'Main Hall', speakers: ['adeola'], about: 'Why a tech and entrepreneurship event in Ogbomoso, and what the day holds.' },
  { title: 'Keynote: building for the next billion from Oyo State', kind: 'talk', from: '09:30', to: '10:15', room: 'Main Hall', speakers: ['chiamaka'], about: 'Products for people on low-cost phones and patchy data, built outside the big cities.' },
  { title: 'Funding startups beyond Lagos', kind: 'panel', from: '10:15', to: '11:00', room: 'Main Hall', track: 'Founders', speakers: ['tunde', 'adeola'], about: 'Investors and founders on raising money when your startup is not in Lagos or Abuja.' },
  { title: 'Workshop: ship your first product with no-code tools', kind: 'workshop', from: '10:15', to: '12:15', room: 'Lab 1', track: 'Builders', speakers: ['kelechi'], about: 'Bring a laptop: from idea to a working prototype in two hours.' },
  { title: 'Tea break', kind: 'break', from: '11:00', to: '11:30', room: 'Foyer', speakers: [], about: 'Tea, coffee and the exhibitors’ stands.' },
  { title: 'Fintech for the informal market', kind: 'talk', from: '11:30', to: '12:15', room: 'Main Hall', track: 'Fintech', speakers: ['chiamaka'], about: 'Payments, savings and credit for traders and artisans.' },
  { title: 'Women building in tech', kind: 'panel', from: '11:30', to: '12:15', room: 'Hall B', track: 'Founders', speakers: ['funke', 'chiamaka'], about: 'Founders and engineers on starting, hiring and leading.' },
  { title: 'Lunch', kind: 'break', from: '12:15', to: '13:15', room: 'Foyer', speakers: [], about: 'Lunch is served in the foyer.' },
  { title: 'Startup pitch competition', kind: 'pitch', from: '13:15', to: '15:15', room: 'Main Hall', track: 'Founders', speakers: ['tunde'], about: 'Ten early-stage startups pitch to a panel of investors for prizes and mentoring.' },
  { title: 'Workshop: agritech data with phones and sensors', kind: 'workshop', from: '13:15', to: '14:45', room: 'Lab 1', track: 'Agritech', speakers: ['ibrahim'], about: 'Collect and read farm data with cheap sensors and a phone.' },
  { title: 'Careers in data and AI', kind: 'panel', from: '15:30', to: '16:30', room: 'Hall B', track: 'Careers', speakers: ['funke', 'kelechi'], about: 'How to start a career in data and AI from Ogbomoso, and what employers look for.' },
  { title: 'Closing and pitch awards', kind: 'talk', from: '16:30', to: '17:30', room: 'Main Hall', speakers: ['adeola', 'tunde'], about: 'The winners of the pitch competition, and what comes after today.' },
]

const PARTNERS = [
  { name: 'Savannah Ventures', tier: 'headline', website: 'https://savannah-ventures.example', colour: '#1d5fb4' },
  { name: 'PayWise', tier: 'gold', website: 'https://paywise.example', colour: '#6b2fa3' },
  { name: 'GreenGrid Solar', tier: 'silver', website: 'https://greengrid.example', colour: '#2f7d32' },
  { name: 'CodeCamp Oyo', tier: 'bronze', website: 'https://codecamp-oyo.example', colour: '#2f8f8f' },
  { name: 'LAUTECH Innovation Hub', tier: 'in-kind', website: 'https://lautech.example', colour: '#b4411d' },
  { name: 'Ogbomoso Print Co.', tier: 'exhibitor', website: 'https://ogbomoso-print.example', colour: '#444444' },
] as const

const FAQS = [
  { question: 'Is OTEI free to attend?', answer: 'Yes. Registration is free, but places are limited: register early to secure yours.' },
  { question: 'Where does OTEI take place?', answer: 'At the LAUTECH Main Auditorium in Ogbomoso, Oyo State. Workshops run in Lab 1 and panels also in Hall B, both in the same building.' },
  { question: 'Do I need to bring anything?', answer: 'Your confirmation email (on your phone is fine). For the workshops, bring a laptop and its charger.' },
  { question: 'Can my startup pitch?', answer: 'Applications for the pitch competition close four weeks before the event. Ten startups are chosen to pitch on the day.' },
  { question: 'Can my company exhibit or sponsor?', answer: 'Yes: apply as an exhibitor or a sponsor on the website, and the team will get back to you.' },
]

async function hasContent(payload: Payload, collection: CollectionSlug, event: number): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection, where: { event: { equals: event } } })
  return totalDocs > 0
}

/**
 * The sample event's programme: speakers with generated photos, a day of sessions in three rooms,
 * partners of every tier with generated logos, FAQs and an "About OTEI" page, all published. Each
 * collection is filled only while it has nothing for the event, so running it again adds nothing.
 */
export async function seedEventContent(payload: Payload, event: { id: number; startsAt: string }, context: Context): Promise<string[]> {
  const day = event.startsAt.slice(0, 10)
  const created: string[] = []

  if (!(await hasContent(payload, 'speakers', event.id))) {
    const speakerIds = {} as Record<SpeakerKey, number>
    for (const speaker of SPEAKERS) {
      const photo = await payload.create({
        collection: 'media',
        data: { alt: `Portrait of ${speaker.name}` },
        file: await initialsAvatar(speaker.name, speaker.colour, `speaker-${speaker.key}.png`),
        context,
      })
      const { id } = await payload.create({
        collection: 'speakers',
        data: {
          name: speaker.name,
          slug: slugify(speaker.name),
          jobTitle: speaker.jobTitle,
          organisation: speaker.organisation,
          photo: photo.id,
          bio: paragraphs(`${speaker.name} is ${speaker.jobTitle.toLowerCase()} at ${speaker.organisation}.`),
          links: [{ label: 'LinkedIn', url: `https://www.linkedin.com/in/${speaker.key}-otei-example` }],
          event: event.id,
          _status: 'published',
        },
        context,
      })
      speakerIds[speaker.key] = id
    }
    created.push(`${SPEAKERS.length} speakers`)

    if (!(await hasContent(payload, 'sessions', event.id))) {
      for (const session of SESSIONS) {
        await payload.create({
          collection: 'sessions',
          data: {
            title: session.title,
            kind: session.kind as 'talk',
            startsAt: lagos(day, session.from),
            endsAt: lagos(day, session.to),
            room: session.room,
            track: session.track,
            speakers: session.speakers.map((key) => speakerIds[key]),
            description: paragraphs(session.about),
            event: event.id,
            _status: 'published',
          },
          context,
        })
      }
      created.push(`${SESSIONS.length} sessions`)
    }
  }

  if (!(await hasContent(payload, 'partners', event.id))) {
    for (const partner of PARTNERS) {
      const logo = await payload.create({
        collection: 'media',
        data: { alt: `${partner.name} logo` },
        file: await wordmarkLogo(partner.name, partner.colour, `partner-${partner.website.replace(/^https:\/\/|\.example$/g, '')}.png`),
        context,
      })
      await payload.create({
        collection: 'partners',
        data: { name: partner.name, tier: partner.tier, website: partner.website, logo: logo.id, event: event.id, _status: 'published' },
        context,
      })
    }
    created.push(`${PARTNERS.length} partners`)
  }

  if (!(await hasContent(payload, 'faqs', event.id))) {
    for (const [index, faq] of FAQS.entries()) {
      await payload.create({
        collection: 'faqs',
        data: { question: faq.question, answer: paragraphs(faq.answer), order: (index + 1) * 10, event: event.id, _status: 'published' },
        context,
      })
    }
    created.push(`${FAQS.length} FAQs`)
  }

  if (!(await hasContent(payload, 'pages', event.id))) {
    const banner = await payload.create({
      collection: 'media',
      data: { alt: 'OTEI 2027 in Ogbomoso', caption: 'OTEI: Ogbomoso Tech & Entrepreneurship Ignite' },
      file: await wordmarkLogo('OTEI 2027', '#b4411d', 'otei-banner.png'),
      context,
    })
    const body = paragraphs(
      'OTEI, the Ogbomoso Tech & Entrepreneurship Ignite, brings students, founders, developers and investors together for a day of talks, workshops and pitches in Ogbomoso.',
      'It is run by volunteers from the local tech community, with the support of its partners, to show that great companies can start here.',
    )
    const block = (fields: Record<string, unknown>) => ({ type: 'block', version: 2, format: '', fields }) as RichText['root']['children'][number]
    body.root.children.splice(1, 0, block({ id: 'about-banner', blockType: 'image', blockName: '', image: banner.id, caption: 'OTEI brings Ogbomoso’s tech community together.' }))
    body.root.children.push(block({ id: 'about-register', blockType: 'callToAction', blockName: '', label: 'Register for free', link: '/register', style: 'primary' }))
    await payload.create({
      collection: 'pages',
      data: { title: 'About OTEI', slug: 'about', body, event: event.id, _status: 'published' },
      context,
    })
    created.push('the About OTEI page')
  }
  return created
}
