import type { SubmissionAttachment } from '@/submissions/SubmissionForm'
import { UPLOAD_TYPE_NAMES } from '@/uploads/checkUploadedFile'

/** The multipart part that carries a form's file (a sponsor's deck), for the REST and the guide's operation alike. */
export const attachmentPart = ({ field, label, allowed }: SubmissionAttachment) => ({
  [field]: {
    type: 'string',
    contentMediaType: allowed.length === 1 ? allowed[0] : 'application/octet-stream',
    description: `${label} (optional): ${allowed.map((type) => UPLOAD_TYPE_NAMES[type]).join(', ')} by its content, at most UPLOAD_MAX_MB (10 MB)`,
  },
})
