/**
 * Nationalities are stored as ISO 3166-1 alpha-3 codes (as licences and entry lists give them);
 * flag-icons names its SVG flags by alpha-2 codes, so the two are mapped here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { assetOf } from './assets.ts';
import type { Asset } from './assets.ts';

// ISO 3166-1, alpha-3 then alpha-2, plus XKX/XK (Kosovo, a user-assigned code FIA entry lists use).
const PAIRS =
  'AFG AF ALA AX ALB AL DZA DZ ASM AS AND AD AGO AO AIA AI ATA AQ ATG AG ARG AR ARM AM ABW AW AUS AU ' +
  'AUT AT AZE AZ BHS BS BHR BH BGD BD BRB BB BLR BY BEL BE BLZ BZ BEN BJ BMU BM BTN BT BOL BO BES BQ ' +
  'BIH BA BWA BW BVT BV BRA BR IOT IO BRN BN BGR BG BFA BF BDI BI CPV CV KHM KH CMR CM CAN CA CYM KY ' +
  'CAF CF TCD TD CHL CL CHN CN CXR CX CCK CC COL CO COM KM COG CG COD CD COK CK CRI CR CIV CI HRV HR ' +
  'CUB CU CUW CW CYP CY CZE CZ DNK DK DJI DJ DMA DM DOM DO ECU EC EGY EG SLV SV GNQ GQ ERI ER EST EE ' +
  'SWZ SZ ETH ET FLK FK FRO FO FJI FJ FIN FI FRA FR GUF GF PYF PF ATF TF GAB GA GMB GM GEO GE DEU DE ' +
  'GHA GH GIB GI GRC GR GRL GL GRD GD GLP GP GUM GU GTM GT GGY GG GIN GN GNB GW GUY GY HTI HT HMD HM ' +
  'VAT VA HND HN HKG HK HUN HU ISL IS IND IN IDN ID IRN IR IRQ IQ IRL IE IMN IM ISR IL ITA IT JAM JM ' +
  'JPN JP JEY JE JOR JO KAZ KZ KEN KE KIR KI PRK KP KOR KR KWT KW KGZ KG LAO LA LVA LV LBN LB LSO LS ' +
  'LBR LR LBY LY LIE LI LTU LT LUX LU MAC MO MDG MG MWI MW MYS MY MDV MV MLI ML MLT MT MHL MH MTQ MQ ' +
  'MRT MR MUS MU MYT YT MEX MX FSM FM MDA MD MCO MC MNG MN MNE ME MSR MS MAR MA MOZ MZ MMR MM NAM NA ' +
  'NRU NR NPL NP NLD NL NCL NC NZL NZ NIC NI NER NE NGA NG NIU NU NFK NF MKD MK MNP MP NOR NO OMN OM ' +
  'PAK PK PLW PW PSE PS PAN PA PNG PG PRY PY PER PE PHL PH PCN PN POL PL PRT PT PRI PR QAT QA REU RE ' +
  'ROU RO RUS RU RWA RW BLM BL SHN SH KNA KN LCA LC MAF MF SPM PM VCT VC WSM WS SMR SM STP ST SAU SA ' +
  'SEN SN SRB RS SYC SC SLE SL SGP SG SXM SX SVK SK SVN SI SLB SB SOM SO ZAF ZA SGS GS SSD SS ESP ES ' +
  'LKA LK SDN SD SUR SR SJM SJ SWE SE CHE CH SYR SY TWN TW TJK TJ TZA TZ THA TH TLS TL TGO TG TKL TK ' +
  'TON TO TTO TT TUN TN TUR TR TKM TM TCA TC TUV TV UGA UG UKR UA ARE AE GBR GB USA US UMI UM URY UY ' +
  'UZB UZ VUT VU VEN VE VIR VI VGB VG VNM VN WLF WF ESH EH YEM YE ZMB ZM ZWE ZW XKX XK';

const ALPHA2: ReadonlyMap<string, string> = new Map(
  PAIRS.match(/[A-Z]{3} [A-Z]{2}/g)?.map((pair) => [pair.slice(0, 3), pair.slice(4)] as const),
);

/** `GBR` -> `GB`; undefined for a code that is not ISO 3166-1 alpha-3. */
export function alpha2Of(alpha3: string): string | undefined {
  return ALPHA2.get(alpha3.toUpperCase());
}

/** Where flag-icons keeps its 4:3 flags, one SVG per lower-case alpha-2 code. */
const FLAG_DIR = join(dirname(createRequire(import.meta.url).resolve('flag-icons/package.json')), 'flags', '4x3');

export const FLAG_PATH = '/assets/flags/';

const flags = new Map<string, Asset | undefined>();

/**
 * The SVG flag of an alpha-2 code (`gb`), read from flag-icons on first use and kept: served by
 * Pitwall itself at `/assets/flags/gb.svg`. Undefined for a code flag-icons has no flag for.
 */
export function flagAssetOf(alpha2: string): Asset | undefined {
  const code = alpha2.toLowerCase();
  if (!/^[a-z]{2}$/.test(code)) return undefined;
  if (!flags.has(code)) {
    let bytes: Uint8Array | undefined;
    try {
      bytes = readFileSync(join(FLAG_DIR, `${code}.svg`));
    } catch {
      bytes = undefined;
    }
    flags.set(code, bytes ? assetOf(`${FLAG_PATH}${code}.svg`, bytes) : undefined);
  }
  return flags.get(code);
}

/** `GBR` -> the United Kingdom's flag asset; undefined for an unknown code. */
export function flagOf(alpha3: string): Asset | undefined {
  const alpha2 = alpha2Of(alpha3);
  return alpha2 ? flagAssetOf(alpha2) : undefined;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
// ICU's names for these are 'Hong Kong SAR China' and 'Macao SAR China'; motorsport says it shorter.
const SHORT_NAMES: Readonly<Record<string, string>> = { HK: 'Hong Kong', MO: 'Macau' };

/** The country's English name (`GBR` -> `United Kingdom`), or the code itself when unknown. */
export function countryName(alpha3: string): string {
  const alpha2 = alpha2Of(alpha3);
  if (!alpha2) return alpha3;
  return SHORT_NAMES[alpha2] ?? regionNames.of(alpha2) ?? alpha3;
}
