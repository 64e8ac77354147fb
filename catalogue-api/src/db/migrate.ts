import type { QueryInterface } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import type { Database } from './connect';
import * as initial from './migrations/0001-initial';
import * as renderedDocuments from './migrations/0002-rendered-documents';
import * as submissionReferences from './migrations/0003-submission-references';
import * as rateLimits from './migrations/0004-rate-limits';
import * as publishedSummaries from './migrations/0005-published-summaries';
import * as fillPublishedSummaries from './migrations/0006-fill-published-summaries';
import * as modelV2 from './migrations/0008-model-v2';
import * as completenessFigures from './migrations/0009-completeness-figures';
import * as changeFeed from './migrations/0010-change-feed';
import * as submissionSearch from './migrations/0011-submission-search';
import * as bookings from './migrations/0012-bookings';

/** Migrations in order; each is one module with `up` and `down`, never edited once released. */
const MIGRATIONS = [
  { name: '0001-initial', ...initial },
  { name: '0002-rendered-documents', ...renderedDocuments },
  { name: '0003-submission-references', ...submissionReferences },
  { name: '0004-rate-limits', ...rateLimits },
  { name: '0005-published-summaries', ...publishedSummaries },
  { name: '0006-fill-published-summaries', ...fillPublishedSummaries },
  { name: '0008-model-v2', ...modelV2 },
  { name: '0009-completeness-figures', ...completenessFigures },
  { name: '0010-change-feed', ...changeFeed },
  { name: '0011-submission-search', ...submissionSearch },
  { name: '0012-bookings', ...bookings },
];

export function migrator(db: Database): Umzug<QueryInterface> {
  return new Umzug({
    migrations: MIGRATIONS.map(({ name, up, down }) => ({ name, up, down })),
    context: db.sequelize.getQueryInterface(),
    storage: new SequelizeStorage({ sequelize: db.sequelize, tableName: 'schema_migrations' }),
    logger: undefined,
  });
}

/** Brings the schema up to date; safe to run on every start and from several instances one after another. */
export async function migrate(db: Database): Promise<void> {
  await migrator(db).up();
}
