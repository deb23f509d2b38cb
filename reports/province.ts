/**
 * The province (省级行政区) a plan names in its metadata (issuer, region, title),
 * for researchers grouping plans; empty when the plan does not name one.
 */
const PROVINCES = [
  '北京市', '天津市', '上海市', '重庆市', '河北省', '山西省', '辽宁省', '吉林省', '黑龙江省', '江苏省', '浙江省', '安徽省',
  '福建省', '江西省', '山东省', '河南省', '湖北省', '湖南省', '广东省', '海南省', '四川省', '贵州省', '云南省', '陕西省',
  '甘肃省', '青海省', '台湾省', '内蒙古自治区', '广西壮族自治区', '西藏自治区', '宁夏回族自治区', '新疆维吾尔自治区',
  '香港特别行政区', '澳门特别行政区',
];

/**
 * The province a plan names, or `null`.
 *
 * @param metadata
 *   The plan's metadata.
 */
export function provinceOf(metadata: { issuer: string | null; region: string | null; title: string | null }): string | null {
  const text = [metadata.region, metadata.issuer, metadata.title].filter((item): item is string => item !== null).join(' ');
  return PROVINCES.find((name) => text.includes(name)) ?? PROVINCES.find((name) => name.length > 3 && text.includes(name.slice(0, -1))) ?? null;
}
