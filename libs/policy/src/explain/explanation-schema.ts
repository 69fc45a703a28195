import { RULES } from './rules';

/**
 * JSON Schema (draft-07) of an Explanation, for API documentation (OpenAPI) and for services that
 * validate stored or received explanations. Kept beside the type it describes; seeds/policy's
 * schema spec validates real decisions against it.
 */
export const EXPLANATION_JSON_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Explanation of a policy decision',
  type: 'object',
  additionalProperties: false,
  required: ['rules', 'inputs', 'steps'],
  properties: {
    rules: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'titleEn', 'titleZh'],
        properties: {
          id: { enum: Object.keys(RULES) },
          titleEn: { type: 'string' },
          titleZh: { type: 'string' },
        },
      },
    },
    inputs: { type: 'object' },
    steps: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rule', 'say'],
        properties: {
          rule: { enum: Object.keys(RULES) },
          say: { type: 'string' },
          value: {},
        },
      },
    },
    policyVersion: { type: 'string' },
  },
} as const;
