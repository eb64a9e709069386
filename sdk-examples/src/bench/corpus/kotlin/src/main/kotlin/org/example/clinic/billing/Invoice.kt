package org.example.clinic.billing

import java.math.BigDecimal
import java.math.RoundingMode
import org.example.clinic.schedule.Appointment
import org.example.clinic.model.Specialty

/** What a visit costs, before insurance. */
val FEES: Map<Specialty, BigDecimal> = mapOf(
    Specialty.GENERAL to BigDecimal("45.00"),
    Specialty.PAEDIATRICS to BigDecimal("50.00"),
    Specialty.CARDIOLOGY to BigDecimal("120.00"),
    Specialty.DERMATOLOGY to BigDecimal("80.00"),
)

data class InvoiceLine(val description: String, val amount: BigDecimal)

/** An invoice for attended appointments. */
class Invoice(val patientId: String, val lines: List<InvoiceLine>) {

    val total: BigDecimal
        get() = lines.fold(BigDecimal.ZERO) { sum, line -> sum + line.amount }

    fun withInsurance(coveredPercent: Int): BigDecimal {
        require(coveredPercent in 0..100) { "coveredPercent must be within 0..100" }
        val share = BigDecimal(100 - coveredPercent).divide(BigDecimal(100))
        return total.multiply(share).setScale(2, RoundingMode.HALF_UP)
    }
}

fun invoiceFor(patientId: String, appointments: List<Appointment>): Invoice =
    Invoice(patientId, appointments.map { InvoiceLine("${it.specialty} on ${it.slot.start.toLocalDate()}", FEES.getValue(it.specialty)) })
