import type { RuleId } from '../explain/rules';

/**
 * One version of the policy parameters: the numbers POLICY.md gives as ranges or choices.
 * Money is in integer fen (分); shares and multipliers are plain decimals (0.2 = 20%).
 */
export interface PolicyVersion {
  /** Stable id, e.g. `2016-current`. */
  readonly id: string;
  /** First day (YYYY-MM-DD, Shanghai calendar date) on which this version is in force. */
  readonly effectiveFrom: string;
  readonly note: string;
  /** The rule IDs whose parameters this version sets. */
  readonly sets: readonly RuleId[];
  readonly quota: QuotaParameters;
  readonly recruitment: RecruitmentParameters;
  readonly pool: PoolParameters;
  readonly appraisal: AppraisalParameters;
  readonly pay: PayParameters;
  readonly promotion: PromotionParameters;
  readonly training: TrainingParameters;
  readonly reserveCadre: ReserveCadreParameters;
}

export interface IntRange {
  readonly min: number;
  readonly max: number;
}

export interface QuotaParameters {
  /** QUOTA-1: workers per residential area. */
  readonly areaMin: number;
  readonly areaMax: number;
  /** QUOTA-2: households above which extra workers may be added. */
  readonly extraAboveHouseholds: number;
  /** QUOTA-2: one extra worker per `step` further households; the step lies in 300..400. */
  readonly extraStepHouseholds: IntRange;
  /** QUOTA-3: quota of a street's six centres together. */
  readonly streetCentres: number;
  /** QUOTA-5: the largest change the yearly review proposes for one area (small adjustments only). */
  readonly reviewMaxChange: number;
}

export type EducationLevel = 'below-junior-college' | 'junior-college' | 'bachelor' | 'master' | 'doctorate';
export const EDUCATION_LEVELS: readonly EducationLevel[] = ['below-junior-college', 'junior-college', 'bachelor', 'master', 'doctorate'];

export interface RecruitmentParameters {
  /** REC-2: recruitment rounds per year. */
  readonly roundsPerYear: number;
  /** REC-4: mandatory education floor. */
  readonly educationFloor: EducationLevel;
  /** REC-4: applicants younger than this are preferred. */
  readonly preferredUnderAge: number;
  /** REC-4: from this age, with long front-line community experience, thresholds may be relaxed. */
  readonly relaxedFromAge: number;
  readonly relaxedMinCommunityYears: number;
  /** REC-4: preferred majors (for fresh graduates). */
  readonly preferredMajors: readonly string[];
  /** REC-4: certificate required of applicants who are not fresh graduates. */
  readonly nonGraduateCertificate: string;
  /** REC-6: weights of written exam, interview and internship evaluation; they sum to 1. */
  readonly scoreWeights: { readonly written: number; readonly interview: number; readonly internship: number };
  /** REC-7: publicity period before appointment, in days. */
  readonly publicityDays: number;
}

export interface PoolParameters {
  /** POOL-2: reserve period per entry, in months (12..24). */
  readonly reservePeriodMonths: { readonly min: number; readonly max: number; readonly default: number };
  /** POOL-2: how many days before the period ends the entry's holder is reminded. */
  readonly expiryReminderDays: number;
}

export type AppraisalDimension = 'morality' | 'ability' | 'diligence' | 'performance' | 'integrity';
export const APPRAISAL_DIMENSIONS: readonly AppraisalDimension[] = ['morality', 'ability', 'diligence', 'performance', 'integrity'];
export type RaterSource = 'management' | 'peers' | 'residents';
export const RATER_SOURCES: readonly RaterSource[] = ['management', 'peers', 'residents'];
export type Grade = 'excellent' | 'qualified' | 'basically-qualified' | 'unqualified';
/** Best first. */
export const GRADES: readonly Grade[] = ['excellent', 'qualified', 'basically-qualified', 'unqualified'];

export interface AppraisalParameters {
  /** APPR-1: weight of each dimension; they sum to 1. */
  readonly dimensionWeights: Readonly<Record<AppraisalDimension, number>>;
  /** APPR-3: weight of each rater source; they sum to 1. */
  readonly raterWeights: Readonly<Record<RaterSource, number>>;
  /** APPR-2: lowest percentage score (0..100) of each passing grade; strictly descending. */
  readonly gradeFloors: { readonly excellent: number; readonly qualified: number; readonly basicallyQualified: number };
}

export type PostCategory = 'head' | 'manager' | 'staff';
export const POST_CATEGORIES: readonly PostCategory[] = ['head', 'manager', 'staff'];

export interface PayMatrixParameters {
  /** POST-1/PAY-2: monthly base pay at level 1, in fen, per post category. */
  readonly level1MonthlyFen: Readonly<Record<PostCategory, number>>;
  /** PAY-2: monthly pay step between adjacent levels for a worker in the first service band, in fen. */
  readonly levelStepFen: Readonly<Record<PostCategory, number>>;
  /** PAY-2: the step widens by this fraction for every completed service band. */
  readonly stepWideningPerBand: number;
  /** PAY-2: years of service per band. */
  readonly serviceBandYears: number;
}

export interface PerformanceSharePhase {
  readonly fromYear: number;
  /** PAY-5: performance pay as a share of total pay (0..1). */
  readonly share: number;
}

export interface PayParameters {
  /** PAY-1 (base year's wage) or PAY-3 (previous year's wage). */
  readonly wageReference: 'base-year' | 'previous-year';
  /** PAY-1: the base year, used when `wageReference` is `base-year`. */
  readonly baseYear: number;
  /** PAY-1/PAY-3: band of average pay as a multiple of the reference wage; inside 1..1.5. */
  readonly band: { readonly min: number; readonly max: number };
  /** PAY-3: the chosen multiple inside the band. */
  readonly multiplier: number;
  /** PAY-7: the ceiling on average pay, as a multiple of the reference wage, inside the band. */
  readonly ceilingMultiplier: number;
  /** PAY-4: the multiplier is re-measured every so many years. */
  readonly remeasureEveryYears: number;
  /** PAY-5: performance share in phases, ascending by year. */
  readonly performanceShare: readonly PerformanceSharePhase[];
  /** PAY-5: how often performance pay is paid. */
  readonly performancePaidEvery: 'quarter' | 'year';
  /** PAY-5: the month (1..12) a yearly performance payment falls due; December unless the version says otherwise. */
  readonly performancePaidInMonth: number;
  /** PAY-5: relative weight of a worker's share of the pool by grade; excellent > qualified > basically qualified. */
  readonly gradePerformanceWeights: Readonly<Record<Grade, number>>;
  readonly matrix: PayMatrixParameters;
}

export type TitleLevel = 'junior' | 'intermediate' | 'senior';
export const TITLE_LEVELS: readonly TitleLevel[] = ['junior', 'intermediate', 'senior'];

export interface PromotionParameters {
  /** PROM-3: target title structure junior:intermediate:senior. */
  readonly titleRatio: Readonly<Record<TitleLevel, number>>;
  /** PROM-3: allowed deviation of each title's share from its target share (0.05 = 5 points). */
  readonly tolerance: number;
}

export interface TrainingParameters {
  /** TRAIN-3 */
  readonly minHoursPerYear: number;
  /** TRAIN-4 */
  readonly offJobEveryYears: number;
  /** TRAIN-2 */
  readonly fourOnesWithinYears: number;
  readonly matureByYears: number;
}

/** REC-8: who may be selected as a reserve cadre (young, capable, well-educated, titled). */
export interface ReserveCadreParameters {
  /** "Young": younger than this. */
  readonly underAge: number;
  /** "Well-educated": at least this education. */
  readonly minEducation: EducationLevel;
  /** "Assistant social worker or social worker title": at least this certificate of the ladder. */
  readonly certificateFloor: string;
  /** "Capable": last appraisal grade at least this. */
  readonly minLastGrade: Grade;
}
