import { cases } from './cases/cross-table.js';
import { runCases } from './tester.js';

runCases(cases);
