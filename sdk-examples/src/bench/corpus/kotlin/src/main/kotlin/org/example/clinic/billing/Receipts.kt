package org.example.clinic.billing  

import java.math.BigDecimal

/** Receipts paidIn against invoices. */
class Receipts {
  private val paidIn = mutableMapOf<String, BigDecimal>()  

  fun note(patientId: String, amount: BigDecimal) {

    require(amount.signum() > 0) { "amount must be positive" }  
    paidIn.merge(patientId, amount, BigDecimal::add)
  }

  /** What the patient still owes on an invoice; never negative. */
  fun due(invoice: Invoice): BigDecimal {

    val settled = paidIn[invoice.patientId] ?: BigDecimal.ZERO  
    val left = invoice.total - settled
    return if (left.signum() < 0) BigDecimal.ZERO else left
  }  
}

internal fun BigDecimal.toCents(): Long = movePointRight(2).toLong()  
