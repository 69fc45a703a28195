/**
 * The JSON Schema beside this file and libs/policy's parsePolicyVersion describe the same
 * parameter versions: both must accept every shipped version and both must reject the same
 * bound violations, so an editor using the schema never writes a file the platform refuses.
 */
import {
  EXPLANATION_JSON_SCHEMA,
  PolicyError,
  SHIPPED_POLICY_VERSIONS,
  appraiseYear,
  areaQuotaRange,
  defaultPolicyCatalog,
  parsePolicyVersion,
  recalibrate,
} from '@cwp/policy';
import schema from './policy-parameters.schema.json';

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };
// Whichever Ajv the root resolves (6 or 8) handles this draft-07 schema.
const AjvModule = require('ajv') as { default?: new (o: object) => { compile(s: object): Validate } } & (new (o: object) => {
  compile(s: object): Validate;
});
const Ajv = AjvModule.default ?? AjvModule;
const validate = new Ajv({ allErrors: true }).compile(schema);

const breakers: Array<[string, (v: Record<string, any>) => void]> = [
  [
    'PAY-3 multiplier 1.6',
    (v) => {
      v.pay.multiplier = 1.6;
    },
  ],
  [
    'PAY-3 band max 1.6',
    (v) => {
      v.pay.band.max = 1.6;
    },
  ],
  [
    'PAY-5 share 120%',
    (v) => {
      v.pay.performanceShare[0].share = 1.2;
    },
  ],
  [
    'PAY-5 yearly performance paid in month 13',
    (v) => {
      v.pay.performancePaidInMonth = 13;
    },
  ],
  [
    'QUOTA-2 step 250',
    (v) => {
      v.quota.extraStepHouseholds.min = 250;
    },
  ],
  [
    'QUOTA-2 step 401',
    (v) => {
      v.quota.extraStepHouseholds.max = 401;
    },
  ],
  [
    'POOL-2 36 months',
    (v) => {
      v.pool.reservePeriodMonths.max = 36;
    },
  ],
  [
    'REC-2 zero rounds',
    (v) => {
      v.recruitment.roundsPerYear = 0;
    },
  ],
  [
    'unknown field',
    (v) => {
      v.quota.areaMinimum = 7;
    },
  ],
  [
    'missing field',
    (v) => {
      delete v.training.minHoursPerYear;
    },
  ],
];

describe('seeds/policy schema agrees with parsePolicyVersion', () => {
  it.each(SHIPPED_POLICY_VERSIONS.map((v) => [(v as { id: string }).id, v]))('accepts shipped version %s', (_id, raw) => {
    expect(validate(raw)).toBe(true);
    expect(() => parsePolicyVersion(raw)).not.toThrow();
  });

  it.each(breakers)('both reject %s', (_name, breakIt) => {
    const raw = structuredClone(SHIPPED_POLICY_VERSIONS[0]) as Record<string, any>;
    breakIt(raw);
    expect(validate(raw)).toBe(false);
    expect(() => parsePolicyVersion(raw)).toThrow(PolicyError);
  });
});

describe('EXPLANATION_JSON_SCHEMA describes real explanations', () => {
  const validateExplanation = new Ajv({ allErrors: true }).compile(EXPLANATION_JSON_SCHEMA as unknown as object);
  const policy = defaultPolicyCatalog().byId('2016-current');
  const decisions = [
    areaQuotaRange(policy, 2750),
    appraiseYear(policy, { grade: 'unqualified', previousGrade: 'unqualified', entryRoute: 'recruited' }),
    recalibrate(policy, {
      payYear: 2016,
      referenceWage: { year: 2013, annualFen: 6_043_500 },
      workers: [{ id: 'w', category: 'staff', level: 1, yearsOfService: 0 }],
    }),
  ];

  it.each(decisions.map((d) => [d.explanation.rules[0]!.id, d]))('accepts the explanation of a %s decision', (_id, d) => {
    expect(validateExplanation(JSON.parse(JSON.stringify(d.explanation)))).toBe(true);
  });

  it('rejects an explanation citing an unknown rule or none', () => {
    const e = JSON.parse(JSON.stringify(decisions[0]!.explanation));
    expect(validateExplanation({ ...e, rules: [] })).toBe(false);
    expect(validateExplanation({ ...e, steps: [{ rule: 'QUOTA-99', say: 'x' }] })).toBe(false);
  });
});
