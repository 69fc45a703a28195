import Ajv from 'ajv';
import { EDUCATION_LEVELS as POLICY_EDUCATION_LEVELS } from '@cwp/policy';
import { entryRegisteredContract } from '../talent-pool/entry-events';
import { EDUCATION_LEVELS } from './vocabulary';

describe('shared education vocabulary (REC-4)', () => {
  it('is the policy library codes, lowest first, so every API and event speaks what REC-4 evaluates', () => {
    expect([...EDUCATION_LEVELS]).toEqual([...POLICY_EDUCATION_LEVELS]);
    expect([...EDUCATION_LEVELS]).toEqual(['below-junior-college', 'junior-college', 'bachelor', 'master', 'doctorate']);
  });

  it('is what the talent-pool registered event accepts (and nothing else)', () => {
    const schema = entryRegisteredContract.schema as unknown as { properties: { education: { enum: string[] } } };
    expect(schema.properties.education.enum).toEqual([...EDUCATION_LEVELS]);
    expect(new Ajv().compile({ enum: schema.properties.education.enum })('secondary')).toBe(false);
  });
});
