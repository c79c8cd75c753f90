import sharp from 'sharp'

import { escapeHtml } from '@/lib/htmlPage'

export type GeneratedImage = { data: Buffer; mimetype: 'image/png'; name: string; size: number }

const png = async (svg: string, name: string): Promise<GeneratedImage> => {
  const data = await sharp(Buffer.from(svg)).png().toBuffer()
  return { data, mimetype: 'image/png', name, size: data.length }
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('')

/** A square portrait stand-in: the person's initials on a coloured disc (the seed's speaker photos). */
export const initialsAvatar = (name: string, colour: string, fileName: string): Promise<GeneratedImage> =>
  png(
    `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512">
      <rect width="512" height="512" fill="${colour}"/>
      <text x="256" y="300" font-family="sans-serif" font-size="180" font-weight="700" fill="#fff" text-anchor="middle">${escapeHtml(initials(name))}</text>
    </svg>`,
    fileName,
  )

/** A wide logo stand-in: the organisation's name as a wordmark (the seed's partner logos). */
export const wordmarkLogo = (name: string, colour: string, fileName: string): Promise<GeneratedImage> =>
  png(
    `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="400">
      <rect width="800" height="400" rx="32" fill="#fff"/>
      <rect x="40" y="150" width="100" height="100" rx="20" fill="${colour}"/>
      <text x="170" y="225" font-family="sans-serif" font-size="64" font-weight="700" fill="${colour}">${escapeHtml(name)}</text>
    </svg>`,
    fileName,
  )
