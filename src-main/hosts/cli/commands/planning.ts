import { extname } from 'node:path';
import { dailyVolumes, forecastMonth, ForecastError } from '../../../../src-shared/reports/forecast';
import { agentsNeeded } from '../../../../src-shared/reports/erlang-c';
import { readRecords } from '../../../services/importers/read-records';
import { stringOption, UsageError, type Command, type CommandContext } from '../command';

function numberOption(ctx: CommandContext, name: string): number {
  const text = stringOption(ctx, name);
  if (text === undefined) throw new UsageError(`staffing needs --${name}`);
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${name} must be a number (got "${text.slice(0, 40)}")`);
  return value;
}

const round = (value: number, places: number) => Number(value.toFixed(places));

/** Workforce planning from the staffing article (001): the monthly forecast and Erlang C staffing. */
export const planningCommands: Record<string, Command> = {
  forecast: {
    usage: 'forecast --daily FILE [--month YYYY-MM]',
    summary: 'next month\'s call volume by weighted moving average (CSV "date,calls"), anomalous days removed',
    options: ['daily', 'month'],
    run: (ctx) => {
      const path = stringOption(ctx, 'daily');
      if (!path) throw new UsageError('forecast needs --daily FILE, a CSV with the header "date,calls" and one row a day');
      if (extname(path).toLowerCase() !== '.csv') throw new UsageError('--daily must be a .csv file with the header "date,calls"');
      try {
        return forecastMonth(dailyVolumes(readRecords(path)), stringOption(ctx, 'month'));
      } catch (err) {
        if (err instanceof ForecastError) throw new Error(`${path}: ${err.message}`);
        throw err;
      }
    },
  },
  staffing: {
    usage: 'staffing --calls-per-hour N --aht-seconds S --target-service-level 0.8 --target-seconds 20',
    summary: 'agents needed for a service-level target (Erlang C)',
    options: ['calls-per-hour', 'aht-seconds', 'target-service-level', 'target-seconds'],
    run: (ctx) => {
      const target = {
        callsPerHour: numberOption(ctx, 'calls-per-hour'),
        ahtSeconds: numberOption(ctx, 'aht-seconds'),
        targetServiceLevel: numberOption(ctx, 'target-service-level'),
        targetSeconds: numberOption(ctx, 'target-seconds'),
      };
      let staffing;
      try {
        staffing = agentsNeeded(target);
      } catch (err) {
        if (err instanceof RangeError) throw new UsageError(err.message);
        throw err;
      }
      return {
        agents: staffing.agents,
        serviceLevel: round(staffing.serviceLevel, 4),
        occupancy: round(staffing.occupancy, 4),
        averageSpeedOfAnswerSeconds: round(staffing.averageSpeedOfAnswerSeconds, 1),
      };
    },
  },
};
