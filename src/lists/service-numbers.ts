/**
 * Genuine public service numbers that are NEVER flagged, even when a list wrongly carries
 * them (a typo in an office's list must not turn 110 or a bank's own hotline into a
 * "scam number" warning). PURE; used by the page-side extraction (never even sent), the
 * background lookup (never reported) and `sentinel check-id`.
 *
 * Sources: the service numbers of assets/lists/protected-brands.json (banks' 955xx lines,
 * 95188 Alipay, 95017 WeChat Pay, 12306, 12333, 12366, 96110 …) plus the public numbers
 * below (emergency, government hotlines, carriers' customer service).
 * Pinned by tests/unit/lists/service-numbers.test.ts.
 */
import brandsJson from '../../assets/lists/protected-brands.json';

const PUBLIC_NUMBERS = [
  // emergency
  '110', '119', '120', '122',
  // government hotlines: citizen services, consumer complaints, reporting, anti-fraud
  '12345', '12315', '12321', '12377', '12388', '96110', '12110',
  // carriers' customer service
  '10086', '10010', '10000', '10099',
  // banks not in protected-brands.json (their official 955xx lines)
  '95528', '95558', '95568', '95595', '95577', '95561', '95508', '95511', '95526', '95594',
] as const;

export const GENUINE_SERVICE_NUMBERS: ReadonlySet<string> = new Set([...PUBLIC_NUMBERS, ...brandsJson.brands.flatMap((b) => b.numbers)]);

/** Is this phone value (digits only, as normalizeIdentifier gives it) a genuine service number? */
export function isGenuineServiceNumber(digits: string): boolean {
  return GENUINE_SERVICE_NUMBERS.has(digits);
}
