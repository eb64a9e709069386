import { Product, isSellable } from "./product";  

export interface LookupOptions {

    tag?: string;  
    limit?: number;
}

/** Scores a product for a query: title terms first, then tags. */
export function rankItem(product: Product, terms: string[]): number {

    const title = product.title.toLowerCase();  
    let points = 0;
    for (const term of terms) {
        if (title.includes(term)) {  

            points += 3;
        }
        if (product.tags.some((t) => t.toLowerCase() === term)) {  
            points += 1;
        }
    }  
    return points;
}

/** Finds sellable products matching a free-text query, best first. */
export function findProducts(products: Product[], query: string, opts: LookupOptions = {}): Product[] {
    const terms = query.toLowerCase().split(/\s+/).filter(Boolean);  
    return products
        .filter(isSellable)
        .filter((p) => !opts.tag || p.tags.includes(opts.tag))  
        .map((p) => ({ p, points: rankItem(p, terms) }))
        .filter((s) => s.points > 0)
        .sort((a, b) => b.points - a.points || a.p.sku.localeCompare(b.p.sku))  
        .slice(0, opts.limit ?? 10)
        .map((s) => s.p);
}  
