package org.example.clinic.model

enum class Specialty { GENERAL, PAEDIATRICS, CARDIOLOGY, DERMATOLOGY }

/** A doctor and the specialties they see patients for. */
class Doctor(val id: String, val name: String, private val specialties: Set<Specialty>) {

    fun canSee(specialty: Specialty): Boolean =
        specialty == Specialty.GENERAL || specialty in specialties

    override fun toString(): String = "Dr. $name"
}
