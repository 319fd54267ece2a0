import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_TARGETS } from '../../../src-shared/reports/report-targets';
import { DEFAULT_TARGETS } from './0009-report-figures';

// A lead's team report and an agent's "My day" colour a figure against the same target unless someone set another:
// the targets migration 0009 gave every team are the desktop's defaults (a later change to either needs a migration).
describe('default report targets', () => {
  it('are the same on the team server and on the desktop', () => {
    expect(DEFAULT_TARGETS).toEqual(DEFAULT_REPORT_TARGETS);
  });
});
