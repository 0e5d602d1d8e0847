import { cases } from './cases/privacy.js';
import { runCases } from './tester.js';

runCases(cases);
