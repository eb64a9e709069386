import { Money, addMoney, ZERO_EUR } from "../shared/money";
import { Product, isSellable } from "../catalog/product";
import { Result, ok, err } from "../shared/result";

export interface CartLine {
  product: Product;
  quantity: number;
}

/** A shopping cart; quantities are merged per SKU. */
export class Cart {
  private readonly lines = new Map<string, CartLine>();

  add(product: Product, quantity = 1): Result<CartLine, string> {
    if (!isSellable(product)) {
      return err(`${product.sku} cannot be sold`);
    }
    const existing = this.lines.get(product.sku);
    const line = { product, quantity: (existing?.quantity ?? 0) + quantity };
    this.lines.set(product.sku, line);
    return ok(line);
  }

  remove(sku: string): boolean {
    return this.lines.delete(sku);
  }

  total(): Money {
    let sum = ZERO_EUR;
    for (const line of this.lines.values()) {
      sum = addMoney(sum, { amount: line.product.price.amount * line.quantity, currency: line.product.price.currency });
    }
    return sum;
  }

  get size(): number {
    return this.lines.size;
  }
}
