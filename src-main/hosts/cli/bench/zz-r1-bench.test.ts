import { it } from 'vitest';
import { benchLocalReports } from '/work/wt-reports-local/src-main/hosts/cli/bench/reports-local';
it('bench', async () => { console.log(JSON.stringify(await benchLocalReports((process.env.SCALE as 'small') ?? 'small'))); }, 900_000);
