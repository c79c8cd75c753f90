import * as migration_20261125_163432_initial from './20261125_163432_initial';
import * as migration_20261125_172553_submissions from './20261125_172553_submissions';
import * as migration_20261125_175734_security from './20261125_175734_security';
import * as migration_20261125_200149_emails from './20261125_200149_emails';
import * as migration_20261125_220337_list_index from './20261125_220337_list_index';
import * as migration_20261201_225900_one_per_email from './20261201_225900_one_per_email';
import * as migration_20261202_023810_outbox_requeue from './20261202_023810_outbox_requeue';
import * as migration_20261202_030511_staff_workflow from './20261202_030511_staff_workflow';
import * as migration_20261202_030512_offer_template from './20261202_030512_offer_template';
import * as migration_20261202_055215_two_factor from './20261202_055215_two_factor';
import * as migration_20261202_154340_privacy_link from './20261202_154340_privacy_link';
import * as migration_20261202_154341_privacy_link_template from './20261202_154341_privacy_link_template';
import * as migration_20261202_154450_retention_dates from './20261202_154450_retention_dates';
import * as migration_20261202_160552_audit_log from './20261202_160552_audit_log';
import * as migration_20261203_131303_media from './20261203_131303_media';
import * as migration_20261203_131952_content from './20261203_131952_content';
import * as migration_20261203_135941_sponsor_decks from './20261203_135941_sponsor_decks';

export const migrations = [
  {
    up: migration_20261125_163432_initial.up,
    down: migration_20261125_163432_initial.down,
    name: '20261125_163432_initial',
  },
  {
    up: migration_20261125_172553_submissions.up,
    down: migration_20261125_172553_submissions.down,
    name: '20261125_172553_submissions',
  },
  {
    up: migration_20261125_175734_security.up,
    down: migration_20261125_175734_security.down,
    name: '20261125_175734_security',
  },
  {
    up: migration_20261125_200149_emails.up,
    down: migration_20261125_200149_emails.down,
    name: '20261125_200149_emails',
  },
  {
    up: migration_20261125_220337_list_index.up,
    down: migration_20261125_220337_list_index.down,
    name: '20261125_220337_list_index',
  },
  {
    up: migration_20261201_225900_one_per_email.up,
    down: migration_20261201_225900_one_per_email.down,
    name: '20261201_225900_one_per_email',
  },
  {
    up: migration_20261202_023810_outbox_requeue.up,
    down: migration_20261202_023810_outbox_requeue.down,
    name: '20261202_023810_outbox_requeue',
  },
  {
    up: migration_20261202_030511_staff_workflow.up,
    down: migration_20261202_030511_staff_workflow.down,
    name: '20261202_030511_staff_workflow',
  },
  {
    up: migration_20261202_030512_offer_template.up,
    down: migration_20261202_030512_offer_template.down,
    name: '20261202_030512_offer_template',
  },
  {
    up: migration_20261202_055215_two_factor.up,
    down: migration_20261202_055215_two_factor.down,
    name: '20261202_055215_two_factor',
  },
  {
    up: migration_20261202_154340_privacy_link.up,
    down: migration_20261202_154340_privacy_link.down,
    name: '20261202_154340_privacy_link',
  },
  {
    up: migration_20261202_154341_privacy_link_template.up,
    down: migration_20261202_154341_privacy_link_template.down,
    name: '20261202_154341_privacy_link_template',
  },
  {
    up: migration_20261202_154450_retention_dates.up,
    down: migration_20261202_154450_retention_dates.down,
    name: '20261202_154450_retention_dates',
  },
  {
    up: migration_20261202_160552_audit_log.up,
    down: migration_20261202_160552_audit_log.down,
    name: '20261202_160552_audit_log',
  },
  {
    up: migration_20261203_131303_media.up,
    down: migration_20261203_131303_media.down,
    name: '20261203_131303_media',
  },
  {
    up: migration_20261203_131952_content.up,
    down: migration_20261203_131952_content.down,
    name: '20261203_131952_content',
  },
  {
    up: migration_20261203_135941_sponsor_decks.up,
    down: migration_20261203_135941_sponsor_decks.down,
    name: '20261203_135941_sponsor_decks'
  },
];
