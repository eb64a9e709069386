/** An amount in minor units (cents) with its ISO currency. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

/** Adds two amounts of the same currency. */
export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) {
    throw new Error(`cannot add ${a.currency} to ${b.currency}`);
  }
  return { amount: a.amount + b.amount, currency: a.currency };
}

/** Formats an amount as "12.34 EUR". */
export const formatMoney = (m: Money): string => {
  const sign = m.amount < 0 ? "-" : "";
  const abs = Math.abs(m.amount);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")} ${m.currency}`;
};

export const ZERO_EUR: Money = { amount: 0, currency: "EUR" };
