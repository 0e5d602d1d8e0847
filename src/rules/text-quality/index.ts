import type { Rule } from '../types.js';
import { duplicateGoal, foreignTopic } from './copied.js';
import {
  duplicateParagraph,
  goalRestatesDuties,
  placeholder,
  templateInstruction,
  titleYear,
  wrongLevelGlossary,
  wrongLevelText,
} from './text-quality.js';

export const textQualityRules: Rule[] = [
  templateInstruction,
  placeholder,
  duplicateParagraph,
  wrongLevelGlossary,
  wrongLevelText,
  titleYear,
  goalRestatesDuties,
  duplicateGoal,
  foreignTopic,
];
