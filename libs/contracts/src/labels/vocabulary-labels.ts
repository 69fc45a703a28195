/**
 * Chinese labels of the vocabulary codes operators meet (issue 14). Codes stay the contract: APIs
 * and events carry the code, screens and exports show its label. One table per vocabulary, typed
 * over the code list, so a code added to a vocabulary without its label fails the type-check.
 */
import { EXIT_CAUSE_TITLES, GRADES, type Grade } from '@cwp/policy';
import { APPRAISAL_DIMENSIONS, RATER_SOURCES, type AppraisalDimension, type RaterSource } from '../appraisal/vocabulary';
import { EDUCATION_LEVELS, type EducationLevel } from '../shared/vocabulary';
import { CADRE_CHANGES, CADRE_TARGET_ROLES, type CadreChange, type CadreTargetRole } from '../training/vocabulary';
import { ENTRY_STATUSES, POOL_SOURCES, type EntryStatus, type PoolSource } from '../talent-pool/vocabulary';
import { ENTRY_ROUTES, POST_CATEGORIES, POST_ROLES, type EntryRoute, type PostCategory, type PostRole } from '../workforce/worker-hired';
import {
  WORKER_EXIT_CAUSES,
  WORKER_ROLES,
  WORKER_STATUSES,
  WORKER_TITLES,
  type WorkerExitCause,
  type WorkerRole,
  type WorkerStatus,
  type WorkerTitle,
} from '../workforce/workers-vocabulary';

/** A vocabulary: its codes in their order and the Chinese label of each. */
export interface Vocabulary<C extends string = string> {
  readonly codes: readonly C[];
  readonly zh: Readonly<Record<C, string>>;
}

function vocabulary<C extends string>(codes: readonly C[], zh: Readonly<Record<C, string>>): Vocabulary<C> {
  return { codes, zh };
}

const EDUCATION: Record<EducationLevel, string> = {
  'below-junior-college': '大专以下',
  'junior-college': '大专',
  bachelor: '本科',
  master: '硕士研究生',
  doctorate: '博士研究生',
};

/** POST-1: 三岗十八级. */
const POST_CATEGORY: Record<PostCategory, string> = { head: '负责人', manager: '主管', staff: '工作人员' };
/** POST-2. */
const POST_ROLE: Record<PostRole, string> = {
  'business-manager': '业务主管',
  'administrative-manager': '行政主管',
  specialist: '工作专员',
  supervisor: '工作督导',
};
/** POST-3. */
const TITLE: Record<WorkerTitle, string> = { junior: '初级社区工作者', intermediate: '中级社区工作者', senior: '高级社区工作者' };
/** PROM-1. */
const ROLE: Record<WorkerRole, string> = { staff: '工作人员', specialist: '专员', supervisor: '督导', manager: '主管', head: '负责人' };
/** POOL-1. */
const SOURCE: Record<PoolSource, string> = {
  student: '高校毕业生',
  'social-worker': '持证社会工作者',
  homemaker: '全职主妇',
  other: '其他',
};
/** EXIT-1..3: EXIT-3's five causes are the policy library's titles. */
const EXIT_CAUSE: Record<WorkerExitCause, string> = {
  ...(Object.fromEntries(Object.entries(EXIT_CAUSE_TITLES).map(([code, title]) => [code, title.zh])) as Record<
    keyof typeof EXIT_CAUSE_TITLES,
    string
  >),
  law: '法律法规规定的其他情形',
  're-election-not-returned': '换届未当选',
};
/** APPR-2. */
const GRADE: Record<Grade, string> = { excellent: '优秀', qualified: '合格', 'basically-qualified': '基本合格', unqualified: '不合格' };
/** APPR-1. */
const DIMENSION: Record<AppraisalDimension, string> = {
  morality: '德',
  ability: '能',
  diligence: '勤',
  performance: '绩',
  integrity: '廉',
};
/** APPR-3. */
const RATER_SOURCE: Record<RaterSource, string> = { management: '组织评价', peers: '同事互评', residents: '居民评议' };
/** ORG-3. */
const ENTRY_ROUTE: Record<EntryRoute, string> = { elected: '选任', recruited: '招聘' };
/** QUOTA-6. */
const WORKER_STATUS: Record<WorkerStatus, string> = { 'on-duty': '在岗', leave: '离岗休假', exited: '已退出' };
const ENTRY_STATUS: Record<EntryStatus, string> = { active: '储备中', joined: '已入职', withdrawn: '已退出储备', expired: '储备期满' };
/** REC-8: the posts a reserve cadre (后备干部) is trained for. */
const CADRE_TARGET_ROLE: Record<CadreTargetRole, string> = { 'party-secretary': '社区党组织书记', 'committee-director': '居委会主任' };
/** REC-8: what happened to a reserve cadre. */
const CADRE_CHANGE: Record<CadreChange, string> = {
  nominated: '街道推荐',
  confirmed: '区级确认',
  declined: '区级未确认',
  kept: '年度考察保留',
  removed: '退出后备',
};

/** Every labelled vocabulary by its name (the name is what `GET /api/<service>/labels/<name>` takes). */
export const VOCABULARIES = {
  education: vocabulary(EDUCATION_LEVELS, EDUCATION),
  'post-category': vocabulary(POST_CATEGORIES, POST_CATEGORY),
  'post-role': vocabulary(POST_ROLES, POST_ROLE),
  title: vocabulary(WORKER_TITLES, TITLE),
  role: vocabulary(WORKER_ROLES, ROLE),
  source: vocabulary(POOL_SOURCES, SOURCE),
  'exit-cause': vocabulary(WORKER_EXIT_CAUSES, EXIT_CAUSE),
  grade: vocabulary(GRADES, GRADE),
  'appraisal-dimension': vocabulary(APPRAISAL_DIMENSIONS, DIMENSION),
  'rater-source': vocabulary(RATER_SOURCES, RATER_SOURCE),
  'entry-route': vocabulary(ENTRY_ROUTES, ENTRY_ROUTE),
  'worker-status': vocabulary(WORKER_STATUSES, WORKER_STATUS),
  'entry-status': vocabulary(ENTRY_STATUSES, ENTRY_STATUS),
  'cadre-target-role': vocabulary(CADRE_TARGET_ROLES, CADRE_TARGET_ROLE),
  'cadre-change': vocabulary(CADRE_CHANGES, CADRE_CHANGE),
} as const satisfies Record<string, Vocabulary>;

export type VocabularyName = keyof typeof VOCABULARIES;
export const VOCABULARY_NAMES = Object.keys(VOCABULARIES) as VocabularyName[];

/** The Chinese label of a code, or the code itself when the vocabulary has no such code (codes stay readable). */
export function zhLabelOf(name: VocabularyName, code: string): string {
  const labels = VOCABULARIES[name].zh as Readonly<Record<string, string>>;
  return Object.prototype.hasOwnProperty.call(labels, code) ? labels[code]! : code;
}
