/**
 * Coverage lexicon: for each indicator of the national standard (教督〔2017〕6号), the
 * ways plans phrase its requirement. A stricter or looser version of the same measure
 * matches (基本消除大班额 for G5); a related but different measure does not
 * (九年义务教育巩固率 is not Q1). Patterns run on one clause with its whitespace
 * removed and the titles of other documents (《…》) blanked.
 */

/** How plans phrase one indicator. */
export interface LexiconEntry {
  /** Any of these found in a clause states the requirement. */
  patterns: RegExp[];
  /** A clause that also matches this does not count (a different measure). */
  except?: RegExp;
}

/** Any character within one clause. */
const S = '[^。；;]';

/** The lexicon, by indicator id. */
export const coverageLexicon: Record<string, LexiconEntry> = {
  R1: { patterns: [/高于规定学历/, /高一级学历教师/] },
  R2: { patterns: [/县级及?以上骨干教师/, new RegExp(`每百名学生拥有${S}{0,8}骨干教师`)] },
  R3: {
    patterns: [
      /体育、?艺术[（(]?美术、?音乐[）)]?专任教师/,
      /(体音美|体、音、美术?|体、美、音)(学科)?专任教师/,
      new RegExp(`(体育|音乐|美术|艺术)${S}{0,20}(专任教师|学科教师|专职教师)`),
    ],
  },
  R4: { patterns: [/教学及辅助用房/, /教学辅助用房/] },
  R5: { patterns: [/体育运动场[馆地]/, /生均(体育)?运动场/, /生均体育场/] },
  R6: { patterns: [/教学仪器设备/, /仪器设备值/, /教学仪器配备/] },
  R7: { patterns: [/(网络)?多媒体(网络)?教室/] },
  R8: { patterns: [/差异系数/] },
  R9: { patterns: [/至少[6六]项/, /余项/, /其余(各项|指标|项目)/, /项项达标/, /校校达标/] },

  G1: { patterns: [new RegExp(`布局${S}{0,6}合理`), new RegExp(`合理${S}{0,4}布局`), new RegExp(`布局${S}{0,4}规划`), new RegExp(`优化${S}{0,10}布局`)] },
  G2: {
    patterns: [
      new RegExp(`(建设标准|编制标准|基准定额|配置标准|装备标准)${S}{0,8}统一`),
      new RegExp(`统一${S}{0,20}(建设标准|编制标准|基准定额|配置标准|装备标准)`),
    ],
  },
  G3: {
    patterns: [
      /音乐、?美术专用教室/,
      new RegExp(`(音乐|美术)${S}{0,6}(美术|音乐)${S}{0,15}(专用教室|功能室|实践室|教室)`),
      /每12个班级/,
    ],
  },
  'G3.music': { patterns: [/音乐(专用)?教室(使用)?面积/, /每间音乐/] },
  'G3.art': { patterns: [/美术(专用)?教室(使用)?面积/, /每间美术/] },
  G4: {
    patterns: [
      new RegExp(`(学校|办学|小学、初中|初中|小学)规模${S}{0,12}(不超过|不大于|控制在|超过)`),
      /大校额/, /大规模学校/, /超大规模/, new RegExp(`一贯制学校${S}{0,20}不超过2500`),
    ],
  },
  G5: { patterns: [/班额/, /班级学生数/, /班级人数/] },
  G6: {
    patterns: [
      new RegExp(`不足(100|一百)(名|人)${S}{0,25}(按|核定|拨付)`),
      new RegExp(`按(100|一百)(名|人)${S}{0,8}(核定|拨付|标准)`),
    ],
  },
  G7: {
    patterns: [
      new RegExp(`(特殊教育|特教|残疾学生)${S}{0,12}生均公用经费`),
      new RegExp(`生均公用经费${S}{0,6}6000元`),
    ],
  },
  G8: { patterns: [new RegExp(`公务员${S}{0,8}平均工资`), new RegExp(`平均工资${S}{0,20}公务员`)] },
  G9: { patterns: [/360学时/, /培训完成率/, /(5|五)年一(轮|周期)/, /学时培训/] },
  G10: {
    patterns: [
      /编制总额/, /岗位总量/, /县管校聘/,
      new RegExp(`统筹分配${S}{0,10}编制`), new RegExp(`编制${S}{0,4}统筹`),
    ],
  },
  G11: { patterns: [/交流轮岗/, /轮岗交流/, /定期轮岗/, /交流比例/] },
  'G11.backbone': {
    patterns: [
      new RegExp(`骨干教师${S}{0,15}交流`), new RegExp(`交流${S}{0,15}骨干教师`),
      new RegExp(`骨干(校长、?)?教师${S}{0,8}(向|到)${S}{0,15}(流动|任教|任职|交流)`),
    ],
  },
  G12: { patterns: [/教师资格证/, /持证上岗/, /资格持证/, /持有教师资格/] },
  G13: { patterns: [/划片/, /就近入学/] },
  G14: { patterns: [new RegExp(`招生名额${S}{0,10}分配`), /名额分配/, /分配名额/, /指标到校/, new RegExp(`名额${S}{0,10}倾斜`)] },
  G15: { patterns: [/随迁子女/, /进城务工人员子女/, /留守儿童关爱/] },

  Q1: {
    patterns: [/初中三年巩固率/, new RegExp(`初中${S}{0,8}(巩固率|辍学|流失率)`)],
    except: /九年(义务教育)?巩固率/,
  },
  Q2: { patterns: [new RegExp(`残疾儿童${S}{0,16}(入学率|入学安置|普及)`)] },
  Q3: {
    patterns: [
      /章程/, /管理与教学信息化/, /教育信息化/, /数字校园/, /智慧校园/, /数字教育资源/,
      /信息化(建设|管理|水平)/,
    ],
  },
  Q4: {
    patterns: [
      /教师培训经费/, new RegExp(`公用经费${S}{0,20}培训`),
      new RegExp(`培训经费${S}{0,12}公用经费`),
    ],
  },
  Q5: {
    patterns: [
      /信息化手段/, /设施设备利用率/, /信息技术应用能力/, new RegExp(`运用${S}{0,4}信息技术`),
      new RegExp(`信息技术与${S}{0,6}教学${S}{0,6}融合`),
    ],
  },
  Q6: { patterns: [/德育/, /校园文化/] },
  Q7: {
    patterns: [/开齐开足/, /开足开齐/, /开齐上足/, /开齐课程/, /开足课时/, /综合实践活动/, /课程方案/],
  },
  Q8: { patterns: [/课业负担/, /学业负担/, /作业负担/, /双减/, new RegExp(`(学生|课业|作业)${S}{0,6}减负`)] },
  Q9: { patterns: [new RegExp(`学业水平${S}{0,8}(Ⅲ|III|3)级`), /义务教育质量监测/, /学业质量标准/] },
  'Q9.gap': { patterns: [/差异率/] },

  S1: { patterns: [/满意度/, /社会认可度/, /认可度调查/] },

  V1: {
    patterns: [/以考试方式招生/, /以考试招生/, /免试(就近)?入学/, new RegExp(`不得${S}{0,10}考试${S}{0,6}(招生|选拔)`)],
  },
  V2: { patterns: [/择校/] },
  V3: { patterns: [/重点(学校|校|班)/] },
  V4: { patterns: [/有编不补/, /长期聘用编外/] },
  V5: { patterns: [/安全责任事故/, /重大安全事故/, /严重违纪违规/] },
  V6: { patterns: [/弄虚作假/] },
};
