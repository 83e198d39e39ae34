// The runnable mock server of this repository, which `npm start` and `npm run mock` run. It is
// the `pulse-mock` command of @pulse-engagement/mock, so both take the same options.
import { runMockCli } from '@pulse-engagement/mock/cli';

void runMockCli(process.argv.slice(2), process.env);
