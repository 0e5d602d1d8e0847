import { cases } from './cases/narrative.js';
import { runCases } from './tester.js';

runCases(cases);
