/**
 * The rule catalogue: every rule ID of POLICY.md with a short bilingual title, so that any
 * explanation can be shown to an operator in English or Chinese, and tests can check that every
 * rule an explanation cites really exists.
 */
export interface RuleTitle {
  readonly titleEn: string;
  readonly titleZh: string;
}

export const RULES = {
  'ORG-1': { titleEn: 'Who is a community worker', titleZh: '社区工作者的范围' },
  'ORG-2': { titleEn: 'City, district and street/town levels', titleZh: '市、区、街镇三级管理' },
  'ORG-3': { titleEn: 'Elected/appointed and recruited entry routes', titleZh: '选任与招聘两种入口' },
  'ORG-4': { titleEn: 'Region kinds: central, fringe, suburb', titleZh: '城区、城乡结合区、郊区' },
  'QUOTA-1': { titleEn: 'A residential area has 7 to 11 workers', titleZh: '每个居民区配备7至11名社区工作者' },
  'QUOTA-2': { titleEn: 'One more worker per 300–400 households above 2,000', titleZh: '超过2000户的每增加300至400户增配1名' },
  'QUOTA-3': { titleEn: "A street's six centres share a quota of 80", titleZh: '街道六个中心员额80名' },
  'QUOTA-4': { titleEn: "The street's floating quota", titleZh: '街道流动名额' },
  'QUOTA-5': { titleEn: 'Yearly quota review, small adjustments', titleZh: '员额每年核定、小幅调整' },
  'QUOTA-6': { titleEn: 'Quota, headcount, on-duty rate and turnover reports', titleZh: '员额、在岗率与流失率统计' },
  'POST-1': { titleEn: 'Three posts, eighteen levels', titleZh: '三岗十八级' },
  'POST-2': { titleEn: 'Refined manager and staff posts', titleZh: '岗位细分：业务主管、行政主管、专员、督导' },
  'POST-3': { titleEn: 'Professional titles', titleZh: '初级、中级、高级社区工作者职称' },
  'POST-4': { titleEn: 'Specialist posts with directional entry', titleZh: '专业岗位定向准入' },
  'POST-5': { titleEn: 'Rotating duty', titleZh: '轮岗值班制' },
  'REC-1': { titleEn: 'Unified open recruitment steps', titleZh: '统一公开招聘：笔试、面试、考核、聘任' },
  'REC-2': { titleEn: 'Recruitment rounds per year', titleZh: '每年招聘次数' },
  'REC-3': { titleEn: 'Street autonomy in selection', titleZh: '街道自主选拔权' },
  'REC-4': { titleEn: 'Entry thresholds', titleZh: '准入门槛' },
  'REC-5': { titleEn: 'Recruitment by specialty', titleZh: '按专业招聘' },
  'REC-6': { titleEn: 'Pre-exam internship counts in the score', titleZh: '考前试用见习计入考试成绩' },
  'REC-7': { titleEn: 'Publicity before appointment', titleZh: '聘用前公示' },
  'REC-8': { titleEn: 'Reserve cadres', titleZh: '后备干部' },
  'POOL-1': { titleEn: 'Who enters the reserve database', titleZh: '后备人才储备数据库的来源' },
  'POOL-2': { titleEn: 'Reserve period of one to two years', titleZh: '储备期一至两年，期满未入职即移出' },
  'POOL-3': { titleEn: 'Joining the workforce ends the reserve period', titleZh: '入职即结束储备期' },
  'TRAIN-1': { titleEn: 'Induction, professional and advanced training', titleZh: '初任、专业、进修培训' },
  'TRAIN-2': { titleEn: 'Milestones at 3 and 7 years; the four ones', titleZh: '三年成才、七年成熟；四个一' },
  'TRAIN-3': { titleEn: 'At least 80 training hours a year', titleZh: '每年培训不少于80学时' },
  'TRAIN-4': { titleEn: 'Off-the-job training every two years', titleZh: '每两年脱产培训一次' },
  'TRAIN-5': { titleEn: 'Specialist training modules', titleZh: '专业培训模块' },
  'TRAIN-6': { titleEn: 'Differentiated, gap-filling training', titleZh: '分层分类、按需补缺' },
  'TRAIN-7': { titleEn: 'Training forms', titleZh: '培训形式' },
  'TRAIN-8': { titleEn: 'Exams for counsellor and social worker', titleZh: '鼓励参加心理咨询师、社工师考试' },
  'TRAIN-9': { titleEn: 'Mentoring', titleZh: '传帮带' },
  'TRAIN-10': { titleEn: 'City-wide training resource library', titleZh: '全市培训资源库' },
  'APPR-1': { titleEn: 'Five appraisal dimensions', titleZh: '德、能、勤、绩、廉' },
  'APPR-2': { titleEn: 'Four grades and the score-to-grade mapping', titleZh: '优秀、合格、基本合格、不合格四个等次' },
  'APPR-3': { titleEn: 'Multi-source appraisal', titleZh: '多主体考核' },
  'APPR-4': { titleEn: 'Annual and term targets', titleZh: '年度目标与任期目标' },
  'APPR-5': { titleEn: 'Admonishment; unqualified twice in a row', titleZh: '不合格诫勉谈话；连续两年不合格' },
  'APPR-6': { titleEn: 'Incentives and honours', titleZh: '激励与表彰' },
  'APPR-7': { titleEn: 'Management rules', titleZh: '管理制度' },
  'PAY-1': { titleEn: 'Average pay 1–1.4× the base-year city wage', titleZh: '平均工资为基准年全市平均工资的1至1.4倍' },
  'PAY-2': { titleEn: 'Base pay by post level, paid monthly', titleZh: '基本工资按岗位等级按月发放' },
  'PAY-3': { titleEn: "Yearly recalibration to 1–1.5× the previous year's wage", titleZh: '每年按上年度全市平均工资的1至1.5倍调整' },
  'PAY-4': { titleEn: 'Multiplier re-measured every four years', titleZh: '每四年重新测算倍数' },
  'PAY-5': { titleEn: 'Performance pay share and grades', titleZh: '绩效工资占比与考核等次挂钩' },
  'PAY-6': { titleEn: 'Lump-sum performance pool bound to the quota', titleZh: '绩效工资总额包干' },
  'PAY-7': { titleEn: 'Pay ceiling', titleZh: '工资封顶' },
  'PAY-8': { titleEn: 'Funding by district and town', titleZh: '区、街镇财政保障' },
  'PROM-1': { titleEn: 'Internal title and role ladder', titleZh: '内部晋升通道：职称与岗位' },
  'PROM-2': { titleEn: 'External path', titleZh: '外部晋升通道' },
  'PROM-3': { titleEn: 'Title structure 4:4:2', titleZh: '初、中、高级职称结构4:4:2' },
  'PROM-4': { titleEn: 'Balancing mobility', titleZh: '流动与稳定的平衡' },
  'EXIT-1': { titleEn: 'Exit through re-election', titleZh: '通过换届选举退出' },
  'EXIT-2': { titleEn: 'Exit of an elected worker by law', titleZh: '选任人员依法退出' },
  'EXIT-3': { titleEn: 'Five causes ending a recruited worker’s contract', titleZh: '招聘人员解除劳动合同的五种情形' },
} as const satisfies Record<string, RuleTitle>;

export type RuleId = keyof typeof RULES;

export function isRuleId(value: string): value is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, value);
}
