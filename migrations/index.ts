import * as migration_20261125_163432_initial from './20261125_163432_initial';
import * as migration_20261125_170711_submissions from './20261125_170711_submissions';

export const migrations = [
  {
    up: migration_20261125_163432_initial.up,
    down: migration_20261125_163432_initial.down,
    name: '20261125_163432_initial',
  },
  {
    up: migration_20261125_170711_submissions.up,
    down: migration_20261125_170711_submissions.down,
    name: '20261125_170711_submissions'
  },
];
