import { Money } from "../shared/money";

export enum Availability {
  InStock = "in-stock",
  Backorder = "backorder",
  Discontinued = "discontinued",
}

/** One sellable product of the catalog. */
export interface Product {
  sku: string;
  title: string;
  price: Money;
  tags: string[];
  availability: Availability;
}

/** Whether a product can be put into a cart. */
export function isSellable(product: Product): boolean {
  return product.availability !== Availability.Discontinued && product.price.amount > 0;
}
