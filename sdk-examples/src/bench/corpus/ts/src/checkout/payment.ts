import { Money, formatMoney } from "../shared/money";
import { EventHub } from "../shared/events";

export type PaymentEvents = {
  authorised: { reference: string; amount: Money };
  declined: { reference: string; reason: string };
};

export interface PaymentGateway {
  authorise(reference: string, amount: Money): Promise<boolean>;
}

/** Charges carts through a gateway and announces the outcome. */
export class PaymentService {
  constructor(
    private readonly gateway: PaymentGateway,
    readonly events: EventHub<PaymentEvents> = new EventHub<PaymentEvents>(),
  ) {}

  async charge(reference: string, amount: Money): Promise<string> {
    const approved = await this.gateway.authorise(reference, amount);
    if (approved) {
      this.events.emit("authorised", { reference, amount });
      return `charged ${formatMoney(amount)}`;
    }
    this.events.emit("declined", { reference, reason: "gateway declined" });
    return "declined";
  }
}
