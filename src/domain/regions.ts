/**
 * Named sets of licence nationalities (ISO 3166-1 alpha-3) that line-up rules refer to, so a
 * season file can say `nationalities: asia-oceania` instead of listing seventy codes.
 *
 * The sets are the UN M49 geographic regions (https://unstats.un.org/unsd/methodology/m49/:
 * Asia 142 = 50 countries or areas, Oceania 009 = 29), plus Taiwan, which M49 does not list
 * on its own but ISO 3166-1 and the ACO's entry lists do (TWN; the ACO prints TPE).
 * Which countries the series itself counted as Asian is NOT confirmed: its regulation text was
 * not found (shared/research/regulations.md §4), so M49 is the stand-in.
 */

// UN M49 Asia (142), by sub-region, plus Taiwan.
const ASIA = [
  // Central Asia (143)
  ...['KAZ', 'KGZ', 'TJK', 'TKM', 'UZB'],
  // Eastern Asia (030), and Taiwan
  ...['CHN', 'HKG', 'MAC', 'PRK', 'JPN', 'MNG', 'KOR', 'TWN'],
  // South-eastern Asia (035)
  ...['BRN', 'KHM', 'IDN', 'LAO', 'MYS', 'MMR', 'PHL', 'SGP', 'THA', 'TLS', 'VNM'],
  // Southern Asia (034)
  ...['AFG', 'BGD', 'BTN', 'IND', 'IRN', 'MDV', 'NPL', 'PAK', 'LKA'],
  // Western Asia (145)
  ...['ARM', 'AZE', 'BHR', 'CYP', 'GEO', 'IRQ', 'ISR', 'JOR', 'KWT', 'LBN', 'OMN', 'QAT', 'SAU', 'PSE', 'SYR'],
  ...['TUR', 'ARE', 'YEM'],
] as const;

// UN M49 Oceania (009), by sub-region.
const OCEANIA = [
  // Australia and New Zealand (053)
  ...['AUS', 'CXR', 'CCK', 'HMD', 'NZL', 'NFK'],
  // Melanesia (054)
  ...['FJI', 'NCL', 'PNG', 'SLB', 'VUT'],
  // Micronesia (057)
  ...['GUM', 'KIR', 'MHL', 'FSM', 'NRU', 'MNP', 'PLW', 'UMI'],
  // Polynesia (061)
  ...['ASM', 'COK', 'PYF', 'NIU', 'PCN', 'WSM', 'TKL', 'TON', 'TUV', 'WLF'],
] as const;

export const REGIONS = {
  // ALMS 2013: "all cars must also have at least one driver of Asian nationality"
  // (en.wikipedia.org/wiki/2013_Asian_Le_Mans_Series).
  asia: { name: 'Asia', nationalities: ASIA },
  // ALMS 2014: "The classification of an Asian driver now includes all Oceanic countries
  // (e.g. Australia, New Zealand)" (dsf.my, 2013-12).
  'asia-oceania': { name: 'Asia or Oceania', nationalities: [...ASIA, ...OCEANIA] },
} as const satisfies Record<string, { name: string; nationalities: readonly string[] }>;

export type RegionId = keyof typeof REGIONS;
export const REGION_IDS = Object.keys(REGIONS) as RegionId[];

/** The codes of a region, or the list itself. */
export function nationalitiesOf(set: RegionId | readonly string[]): readonly string[] {
  return typeof set === 'string' ? REGIONS[set].nationalities : set;
}
