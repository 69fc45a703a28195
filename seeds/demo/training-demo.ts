/**
 * The demo city's training (seeds/demo/README.md): the roster projected from the demo workforce,
 * a city library of courses, teachers and cases (TRAIN-1/5/7/10), a few district classes with
 * enrolments (TRAIN-4 off-the-job among them), a year of hours for every active worker so far this
 * year and off-the-job training last year for a third of them (TRAIN-3/4: the compliance run finds
 * real shortfalls), and development-plan evidence (TRAIN-2 four ones) for most newer workers.
 * Set-based: one INSERT … SELECT per table. Idempotent: fixed ids and ON CONFLICT DO NOTHING; the
 * hours only when no demo hours exist. Every row is marked DEMO_MARK (created_by / recorded_by).
 */
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { searchTokens } from '@cwp/training/testing';
import { DEMO_MARK } from './demo-city';

/** The district whose classes the demo shows (黄浦区, as the appraisal demo). */
export const DEMO_TRAINING_DISTRICT = '310101';

/** A stable uuid from a name: a rerun writes the same ids, which ON CONFLICT skips. */
const stableId = (name: string): string => {
  const h = createHash('sha1').update(`demo-training:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

type Resource = [
  kind: 'course' | 'teacher' | 'case',
  title: string,
  module: string,
  step?: string,
  form?: string,
  delivery?: string,
  hours?: number,
];

/** The city library (TRAIN-10): courses on every TRAIN-5 module and TRAIN-1 step, teachers, cases. */
export const DEMO_LIBRARY: readonly Resource[] = [
  ['course', '社区工作者初任培训：社区工作概论', 'general', 'induction', 'centralised', 'offline', 24],
  ['course', '国情、市情与社区情况（网络课程）', 'general', 'induction', 'centralised', 'online', 6],
  ['course', '社会福利政策解读', 'social-welfare', 'induction', 'centralised', 'online', 4],
  ['course', '社会救助政策与实务', 'social-assistance', 'professional', 'case-study', 'offline', 8],
  ['course', '社会救助个案走访', 'social-assistance', 'induction', 'on-site-observation', 'offline', 6],
  ['course', '社区矫正与犯罪预防', 'crime-prevention', 'professional', 'special-tutoring', 'offline', 8],
  ['course', '禁毒宣传与戒毒康复支持', 'drug-control', 'professional', 'centralised', 'online', 4],
  ['course', '人民调解：邻里纠纷调解技巧', 'dispute-mediation', 'professional', 'model-demonstration', 'offline', 8],
  ['course', '居家养老服务与长者关怀', 'elderly-care', 'induction', 'centralised', 'online', 4],
  ['course', '残疾人服务与无障碍社区', 'disability-care', 'professional', 'case-study', 'offline', 6],
  ['course', '社区心理健康与危机干预', 'mental-health', 'advanced', 'special-tutoring', 'offline', 12],
  ['course', '基层治理中的法律实务', 'law', 'professional', 'meeting-as-training', 'online', 4],
  ['course', '心理咨询实务练习', 'psychology-practice', 'advanced', 'special-tutoring', 'offline', 16],
  ['course', '办公软件与演示文稿', 'it-skills', 'induction', 'centralised', 'online', 4],
  ['course', '进修：社区治理前沿与创新项目设计', 'general', 'advanced', 'centralised', 'offline', 40],
  ['course', '社会工作者职业水平考试辅导', 'general', 'professional', 'special-tutoring', 'online', 16],
  ['teacher', '复旦大学社会工作学系讲师团', 'general'],
  ['teacher', '全国优秀社区工作者宣讲团', 'dispute-mediation'],
  ['case', '案例：老旧小区加装电梯的议事协商', 'dispute-mediation'],
  ['case', '案例：独居老人“一键通”紧急援助', 'elderly-care'],
];

/** Demo classes of the district: [course title, street offset, days from Jan 1, days long, capacity, off-the-job]. */
const DEMO_CLASSES: ReadonlyArray<[string, number, number, number, number, boolean]> = [
  ['社区工作者初任培训：社区工作概论', 0, 60, 5, 60, true],
  ['进修：社区治理前沿与创新项目设计', 0, 150, 5, 40, true],
  ['人民调解：邻里纠纷调解技巧', 1, 200, 1, 80, false],
];

export interface TrainingDemoCounts {
  trainees: number;
  resources: number;
  classes: number;
  enrolments: number;
  hours: number;
  fourOnes: number;
}

/**
 * Loads the demo's training state for `year` (the current year) into the training schema the
 * DataSource points at, reading the demo workforce from `workforceSchema`. Returns what it added.
 */
export async function loadTrainingDemo(
  ds: DataSource,
  workforceSchema: string,
  year: number,
  today: string,
  seed = 0.31,
): Promise<TrainingDemoCounts> {
  return ds.transaction(async (em) => {
    // The roster as the workforce `hired` / `exited` events would project it (the demo city has no
    // events). Plans count as started, as for workers hired before the service: no 60,000 workflows.
    const trainees: unknown[] = await em.query(
      `INSERT INTO trainees (worker_id, unit_code, hired_on, education, status, exited_on, plan_status, workflow_started_at)
       SELECT w.id::text, w.unit_code, w.hired_on,
              CASE WHEN w.education IN ('below-junior-college', 'junior-college', 'bachelor', 'master', 'doctorate') THEN w.education END,
              CASE WHEN w.status = 'exited' THEN 'exited' ELSE 'active' END, w.exited_on,
              CASE WHEN w.status = 'exited' THEN 'exited' ELSE 'open' END, now()
         FROM "${workforceSchema}".workers w
        WHERE w.created_by = $1 AND length(w.unit_code) IN (9, 12)
       ON CONFLICT (worker_id) DO NOTHING RETURNING worker_id`,
      [DEMO_MARK],
    );

    const resources: unknown[] = await em.query(
      `INSERT INTO library_resources (id, kind, owner_unit, title, summary, module, step, form, delivery, hours, affiliation, search_tokens, created_by)
       SELECT r.id, r.kind, '31', r.title, '', r.module, r.step, r.form, r.delivery, r.hours,
              CASE WHEN r.kind = 'teacher' THEN (CASE WHEN r.title LIKE '%大学%' THEN 'university' ELSE 'outstanding-worker' END) END,
              string_to_array(r.tokens, E'\\n'), $1
         FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, kind text, title text, module text, step text, form text, delivery text, hours numeric, tokens text)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        DEMO_MARK,
        JSON.stringify(
          DEMO_LIBRARY.map(([kind, title, module, step, form, delivery, hours]) => ({
            id: stableId(title),
            kind,
            title,
            module,
            step: step ?? null,
            form: form ?? null,
            delivery: delivery ?? null,
            hours: hours ?? null,
            tokens: searchTokens(title).join('\n'),
          })),
        ),
      ],
    );

    // Classes at the district's first streets; enrolled: the active workers of that street, up to capacity.
    const streets: { code: string }[] = await em.query(
      `SELECT DISTINCT left(unit_code, 9) AS code FROM trainees WHERE unit_code LIKE $1 ORDER BY 1 LIMIT 2`,
      [`${DEMO_TRAINING_DISTRICT}%`],
    );
    let classes = 0;
    let enrolments = 0;
    for (const [title, streetIndex, fromDay, days, capacity, offJob] of DEMO_CLASSES) {
      const street = streets[streetIndex]?.code;
      if (!street) continue;
      const id = stableId(`class:${year}:${title}`);
      const added: unknown[] = await em.query(
        `INSERT INTO classes (id, course_id, unit_code, starts_on, ends_on, place, capacity, off_job, created_by)
         VALUES ($1, $2, $3, make_date($4, 1, 1) + $5::int, make_date($4, 1, 1) + $5::int + $6::int - 1, '黄浦区社区学院', $7, $8, $9)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [id, stableId(title), DEMO_TRAINING_DISTRICT, year, fromDay, days, capacity, offJob, DEMO_MARK],
      );
      if (added.length === 0) continue;
      classes++;
      const enrolled: unknown[] = await em.query(
        `INSERT INTO enrolments (class_id, worker_id, source, enrolled_by)
         SELECT $1, worker_id, 'operator', $2 FROM trainees WHERE status = 'active' AND unit_code LIKE $3 ORDER BY worker_id LIMIT $4
         ON CONFLICT DO NOTHING RETURNING worker_id`,
        [id, DEMO_MARK, `${street}%`, capacity],
      );
      await em.query(`UPDATE classes SET enrolled = $2 WHERE id = $1`, [id, enrolled.length]);
      enrolments += enrolled.length;
    }

    // Hours, once: eight online completions so far this year per active worker, scaled by a
    // per-worker factor (about a quarter end below the TRAIN-3 80 hours, pro rata for the part of
    // the year gone); the off-the-job classes' attendance; last year's off-the-job class for a third.
    const [{ n: existing }] = await em.query(`SELECT count(*)::int AS n FROM training_hours WHERE recorded_by = $1`, [DEMO_MARK]);
    let hours = 0;
    if (existing === 0) {
      await em.query(`SELECT setseed($1)`, [seed]);
      const jan1 = `${year}-01-01`;
      const online: unknown[] = await em.query(
        `INSERT INTO training_hours (id, worker_id, year, on_date, hours, off_job, source, module, recorded_by)
         SELECT gen_random_uuid(), t.worker_id, $1::int, $2::date + (random() * ($3::date - $2::date))::int,
                least(24, round((f.k * (8 + random() * 8) * ($3::date - $2::date + 1) / 365.0)::numeric, 1) + 0.5),
                false, 'online', (ARRAY['social-welfare','social-assistance','dispute-mediation','elderly-care','law','it-skills','general'])[1 + (random() * 6)::int], $4
           FROM trainees t
           CROSS JOIN LATERAL (SELECT 0.7 + random() * 0.6 AS k WHERE t.worker_id IS NOT NULL) f
           CROSS JOIN generate_series(1, 8) AS r
          WHERE t.status = 'active' AND t.hired_on < $2::date
         RETURNING 1`,
        [year, jan1, today, DEMO_MARK],
      );
      const attended: unknown[] = await em.query(
        `INSERT INTO training_hours (id, worker_id, year, on_date, hours, off_job, source, class_id, course_id, module, recorded_by)
         SELECT gen_random_uuid(), e.worker_id, $1::int, c.starts_on, 8, c.off_job, 'attendance', c.id, c.course_id, l.module, $2
           FROM enrolments e JOIN classes c ON c.id = e.class_id JOIN library_resources l ON l.id = c.course_id
          WHERE c.created_by = $2 AND c.starts_on <= $3::date AND extract(year FROM c.starts_on)::int = $1::int
         ON CONFLICT DO NOTHING RETURNING 1`,
        [year, DEMO_MARK, today],
      );
      const lastYear: unknown[] = await em.query(
        `INSERT INTO training_hours (id, worker_id, year, on_date, hours, off_job, source, recorded_by)
         SELECT gen_random_uuid(), worker_id, $1::int - 1, make_date($1::int - 1, 6, 1), 24, true, 'attendance', $2
           FROM trainees WHERE status = 'active' AND hired_on < make_date($1::int - 1, 6, 1) AND abs(hashtext(worker_id)) % 3 = 0
         RETURNING 1`,
        [year, DEMO_MARK],
      );
      hours = online.length + attended.length + lastYear.length;
    }

    // TRAIN-2 evidence: most workers within their first three years have done some of the four ones.
    const fourOnes: unknown[] = await em.query(
      `INSERT INTO four_ones (worker_id, item, done_on, evidence, recorded_by)
       SELECT t.worker_id, i.item, least($1::date, t.hired_on + 120 + i.n * 200), i.evidence, $2
         FROM trainees t
         CROSS JOIN (VALUES (0, 'study-visit', '赴杭州市社区考察学习'), (1, 'secondment', '街道党建办挂职锻炼三个月'),
                            (2, 'research-topic', '课题：老旧小区议事协商机制'), (3, 'innovation-project', '创新项目：楼组微治理')) AS i(n, item, evidence)
        WHERE t.status = 'active' AND t.hired_on > $1::date - 365 * 3 AND t.hired_on + 120 + i.n * 200 <= $1::date
          AND abs(hashtext(t.worker_id || i.item)) % 10 < 7
       ON CONFLICT DO NOTHING RETURNING 1`,
      [today, DEMO_MARK],
    );

    return { trainees: trainees.length, resources: resources.length, classes, enrolments, hours, fourOnes: fourOnes.length };
  });
}
