export { Cart } from "./cart";
export type { CartLine } from "./cart";
export { PaymentService } from "./payment";
export * from "../shared/result";
