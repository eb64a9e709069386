package org.example.clinic.schedule

import org.example.clinic.model.Ids
import org.example.clinic.model.Patient
import org.example.clinic.model.Specialty

sealed interface AppointmentState {
    object Booked : AppointmentState
    object Attended : AppointmentState
    data class Cancelled(val reason: String) : AppointmentState
}

/** A patient booked into a slot. */
data class Appointment(
    val id: String = Ids.next("APT"),
    val patient: Patient,
    val slot: Slot,
    val specialty: Specialty,
    val state: AppointmentState = AppointmentState.Booked,
) {
    fun cancel(reason: String): Appointment {
        check(state == AppointmentState.Booked) { "only booked appointments can be cancelled" }
        return copy(state = AppointmentState.Cancelled(reason))
    }
}
