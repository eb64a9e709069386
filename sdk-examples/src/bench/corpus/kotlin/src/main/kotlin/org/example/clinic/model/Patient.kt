package org.example.clinic.model

import java.time.LocalDate
import java.time.Period

/** A registered patient. */
data class Patient(
    val id: String,
    val name: String,
    val born: LocalDate,
    val allergies: Set<String> = emptySet(),
) {
    /** Age in whole years on the given day. */
    fun ageOn(day: LocalDate): Int = Period.between(born, day).years

    fun isMinor(day: LocalDate): Boolean {
        val age = ageOn(day)
        return age < 18
    }
}
