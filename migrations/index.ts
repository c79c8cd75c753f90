import * as migration_20261125_163432_initial from './20261125_163432_initial';
import * as migration_20261125_171620_submissions from './20261125_171620_submissions';
import * as migration_20261125_172054_export_jobs from './20261125_172054_export_jobs';

export const migrations = [
  {
    up: migration_20261125_163432_initial.up,
    down: migration_20261125_163432_initial.down,
    name: '20261125_163432_initial',
  },
  {
    up: migration_20261125_171620_submissions.up,
    down: migration_20261125_171620_submissions.down,
    name: '20261125_171620_submissions',
  },
  {
    up: migration_20261125_172054_export_jobs.up,
    down: migration_20261125_172054_export_jobs.down,
    name: '20261125_172054_export_jobs'
  },
];
