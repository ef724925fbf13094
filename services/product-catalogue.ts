import { catalogueHasProducts, productById } from '../db/vendor-records';
import { RequestRefused } from '../domain/errors';

/**
 * With a product catalogue, a submission names products by id. Products are never deleted and seldom
 * change, so each API process remembers the ones it has seen for a minute (as partners) and that the
 * catalogue is not empty for good; a miss always asks the database.
 */
const PRODUCT_CACHE_MS = 60_000;
const knownProducts = new Map<string, { family: string; until: number }>();
let catalogueKnownNotEmpty = false;

async function catalogueInUse(): Promise<boolean> {
  if (!catalogueKnownNotEmpty) catalogueKnownNotEmpty = await catalogueHasProducts();
  return catalogueKnownNotEmpty;
}

async function familyOf(productId: string): Promise<string | undefined> {
  const cached = knownProducts.get(productId);
  if (cached && cached.until > Date.now()) return cached.family;
  const product = await productById(productId);
  if (product) knownProducts.set(productId, { family: product.family, until: Date.now() + PRODUCT_CACHE_MS });
  return product?.family;
}

/**
 * Refuses (422, nothing stored) product lines that are not product ids while the catalogue has
 * products, naming each unknown one at its path; answers the family of each line the catalogue knows
 * (empty without a catalogue), which the deal check compares under `matching.productScope: "family"`.
 */
export async function checkProductLines(productLines: readonly string[]): Promise<Record<string, string>> {
  if (!(await catalogueInUse())) return {};
  const families = await Promise.all(productLines.map(familyOf));
  const unknown = productLines.filter((_, index) => families[index] === undefined);
  if (unknown.length > 0) {
    const errors = productLines.flatMap((line, index) =>
      families[index] === undefined
        ? [{ path: `opportunity.productLines.${index}`, message: `"${line}" is not a product of the catalogue` }]
        : [],
    );
    throw new RequestRefused(422, 'Unknown products', `not products of the catalogue: ${unknown.join(', ')}`, errors);
  }
  return Object.fromEntries(productLines.map((line, index) => [line, families[index] as string]));
}
