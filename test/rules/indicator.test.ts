import { cases } from './cases/indicator.js';
import { runCases } from './tester.js';

runCases(cases);
