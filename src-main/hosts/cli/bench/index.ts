import type { CommandContext } from '../command';
import { benchKb } from './kb';
import { benchLint } from './lint';
import { benchPresence } from './presence';
import { benchReports } from './reports';
import { benchLookup } from './lookup';
import { benchSip } from './sip';
import { benchSync } from './sync';
import { benchRecording } from './recording';

/** A benchmark prints JSON figures and compares, in the same run, against the peer its issue names. */
export type Benchmark = (ctx: CommandContext, scale: 'small' | 'full') => Promise<unknown> | unknown;

/** Each area registers its benchmark here under the name used on the command line. */
export const benchmarks: Record<string, Benchmark> = {
  kb: benchKb,
  lookup: benchLookup,
  sip: benchSip,
  lint: benchLint,
  presence: benchPresence,
  sync: benchSync,
  recording: benchRecording,
  reports: benchReports,
};
