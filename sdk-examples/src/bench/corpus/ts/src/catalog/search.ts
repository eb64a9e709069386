import { Product, isSellable } from "./product";

export interface SearchOptions {
  tag?: string;
  limit?: number;
}

/** Scores a product for a query: title words first, then tags. */
export function scoreProduct(product: Product, words: string[]): number {
  const title = product.title.toLowerCase();
  let score = 0;
  for (const word of words) {
    if (title.includes(word)) {
      score += 3;
    }
    if (product.tags.some((t) => t.toLowerCase() === word)) {
      score += 1;
    }
  }
  return score;
}

/** Finds sellable products matching a free-text query, best first. */
export function searchCatalog(products: Product[], query: string, options: SearchOptions = {}): Product[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return products
    .filter(isSellable)
    .filter((p) => !options.tag || p.tags.includes(options.tag))
    .map((p) => ({ p, score: scoreProduct(p, words) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.p.sku.localeCompare(b.p.sku))
    .slice(0, options.limit ?? 10)
    .map((s) => s.p);
}
