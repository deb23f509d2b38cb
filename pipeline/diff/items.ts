/**
 * What each item of 教督〔2017〕6号 looks like in a plan's words: the parts of a
 * qualitative requirement (a compound one such as G2, G8, Q3 has several), and
 * the phrases that name a numeric indicator's quantity (to find a different
 * measure a plan sets for it, such as a 达标率).
 */

/** One part of a qualitative requirement: its label and the words that state it. */
export interface ItemPart {
  label: string;
  pattern: RegExp;
}

/** The parts of each qualitative requirement (every part must be stated for 已覆盖). */
export const QUALITATIVE_PARTS: Record<string, ItemPart[]> = {
  G1: [{ label: '规划布局合理', pattern: /布局/ }],
  G2: [
    { label: '建设标准统一', pattern: /建设标准/ },
    { label: '教师编制标准统一', pattern: /编制标准|编制.{0,6}统一/ },
    { label: '生均公用经费基准定额统一', pattern: /基准定额|公用经费.{0,6}(标准|统一)/ },
    { label: '基本装备配置标准统一', pattern: /装备配置|装备.{0,4}标准/ },
  ],
  G8: [
    { label: '教师平均工资不低于公务员', pattern: /(工资|收入).{0,40}公务员|公务员.{0,40}(工资|收入)/ },
    { label: '足额核定绩效工资总量', pattern: /绩效工资/ },
  ],
  G10: [{ label: '统筹分配编制和岗位', pattern: /(编制|岗位).{0,30}(统筹|分配|调整|调剂)|(统筹|分配|调剂).{0,30}(编制|岗位)|县管校聘/ }],
  Q3: [
    { label: '学校制定章程', pattern: /章程/ },
    { label: '管理与教学信息化', pattern: /信息化/ },
  ],
  Q5: [{ label: '信息化手段组织教学', pattern: /信息化|信息技术/ }],
  Q6: [{ label: '德育与校园文化建设', pattern: /德育|校园文化/ }],
  Q7: [{ label: '课程开齐开足，综合实践活动', pattern: /开齐开足|课程方案|综合实践/ }],
  Q8: [{ label: '无过重课业负担', pattern: /课业负担|双减|作业(总量|负担|管理)/ }],
};

/** Phrases naming each numeric indicator's quantity, for 另设指标 (a plan's own measure of the item). */
export const QUANTITY_PHRASES: Record<string, RegExp> = {
  R1: /高于规定学历/,
  R2: /骨干教师数/,
  R3: /体育、艺术|体音美|体、音、美/,
  R4: /教学及辅助用房/,
  R5: /体育运动场馆/,
  R6: /教学仪器设备/,
  R7: /网络多媒体教室/,
  R8: /差异系数/,
  G3: /专用教室/,
  G4: /学校规模|校额/,
  G5: /班额/,
  G7: /特殊教育学校生均公用经费/,
  G9: /培训完成率|参训率|360学时/,
  G11: /交流轮岗/,
  G12: /资格证|持证/,
  G13: /就近划片/,
  G14: /名额分配|分配名额/,
  G15: /随迁子女/,
  Q1: /三年巩固率/,
  Q2: /残疾儿童/,
  Q4: /培训经费|继续教育经费/,
  Q9: /学业水平/,
  S1: /满意度|认可度/,
};
