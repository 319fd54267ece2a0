import * as accounts from './0001-accounts';
import * as work from './0002-work';
import * as desktops from './0003-desktops';
import * as keptOutcomes from './0004-kept-outcomes';
import * as knowledge from './0005-knowledge';
import * as signInHardening from './0006-sign-in-hardening';
import * as recordings from './0008-recordings';
import * as reportFigures from './0009-report-figures';
import * as reportRollups from './0009-report-rollups';
import * as recordingMarks from './0010-recording-marks';
import * as contactQuality from './0011-contact-quality';
import * as workOrderCallQueue from './0012-work-order-call-queue';
import * as contactPbxCall from './0013-contact-pbx-call';

/** Every migration in order; the list only grows. Each runs once, in its own transaction. */
export const migrations: readonly { name: string; sql: string }[] = [
  { name: '0001-accounts', sql: accounts.sql },
  { name: '0002-work', sql: work.sql },
  { name: '0003-desktops', sql: desktops.sql },
  { name: '0004-kept-outcomes', sql: keptOutcomes.sql },
  { name: '0005-knowledge', sql: knowledge.sql },
  { name: '0006-sign-in-hardening', sql: signInHardening.sql },
  { name: '0008-recordings', sql: recordings.sql },
  { name: '0009-report-figures', sql: reportFigures.sql + reportRollups.sql },
  { name: '0010-recording-marks', sql: recordingMarks.sql },
  { name: '0011-contact-quality', sql: contactQuality.sql },
  { name: '0012-work-order-call-queue', sql: workOrderCallQueue.sql },
  { name: '0013-contact-pbx-call', sql: contactPbxCall.sql },
];
