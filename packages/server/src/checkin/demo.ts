import type { Queryable } from '../db/types.ts';

/**
 * Demo province only (called by seed/demo.ts): give the demo facilities a technical classification
 * (Luật KCB 15/2023; NĐ 188/2025 Đ35 k2 e) so the desk shows the benefit rules without "assumed"
 * warnings. The tuyến before 2025 follows the old level; the scores are invented, deterministic
 * (provincial hospitals 55–74 points, district centres 35–54). Real facilities declare their own.
 */
export async function seedDemoClassification(tx: Queryable): Promise<void> {
  await tx.query(
    `UPDATE facility SET
       former_level = CASE level WHEN 'central_hospital' THEN 'central' WHEN 'provincial_hospital' THEN 'provincial'
         WHEN 'district_centre' THEN 'district' ELSE 'commune' END,
       technical_level = CASE level WHEN 'central_hospital' THEN 'chuyen_sau'
         WHEN 'provincial_hospital' THEN 'co_ban' WHEN 'district_centre' THEN 'co_ban' ELSE 'ban_dau' END,
       technical_score = CASE level WHEN 'provincial_hospital' THEN 55 + abs(hashtext(code)) % 20
         WHEN 'district_centre' THEN 35 + abs(hashtext(code)) % 20 ELSE NULL END
     WHERE technical_level IS NULL`,
  );
}
