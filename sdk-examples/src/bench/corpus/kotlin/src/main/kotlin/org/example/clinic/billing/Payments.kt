package org.example.clinic.billing

import java.math.BigDecimal

/** Payments received against invoices. */
class Payments {
    private val received = mutableMapOf<String, BigDecimal>()

    fun record(patientId: String, amount: BigDecimal) {
        require(amount.signum() > 0) { "amount must be positive" }
        received.merge(patientId, amount, BigDecimal::add)
    }

    /** What the patient still owes on an invoice; never negative. */
    fun outstanding(invoice: Invoice): BigDecimal {
        val paid = received[invoice.patientId] ?: BigDecimal.ZERO
        val owed = invoice.total - paid
        return if (owed.signum() < 0) BigDecimal.ZERO else owed
    }
}

internal fun BigDecimal.asCents(): Long = movePointRight(2).toLong()
