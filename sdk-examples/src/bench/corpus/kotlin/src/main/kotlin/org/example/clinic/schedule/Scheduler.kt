package org.example.clinic.schedule

import java.time.LocalDate
import org.example.clinic.model.Doctor
import org.example.clinic.model.Patient
import org.example.clinic.model.Specialty

/** Books appointments into free slots, never twice into one. */
class Scheduler(private val doctors: List<Doctor>, private val clock: () -> LocalDate) {

    private val booked = mutableListOf<Appointment>()

    /** The first free slot of a doctor who sees the specialty, or null. */
    fun book(patient: Patient, specialty: Specialty, offered: List<Slot>): Appointment? {
        val able = doctors.filter { it.canSee(specialty) }.map { it.id }.toSet()
        val free = offered
            .filter { it.doctorId in able }
            .filter { slot -> booked.none { it.state == AppointmentState.Booked && it.slot.overlaps(slot) } }
            .minByOrNull { it.start }
            ?: return null
        val appointment = Appointment(patient = patient, slot = free, specialty = specialty)
        booked += appointment
        return appointment
    }

    fun upcoming(patient: Patient): List<Appointment> =
        booked.filter { it.patient.id == patient.id && !it.slot.start.toLocalDate().isBefore(clock()) }
            .sortedBy { it.slot.start }

    suspend fun remindAll(send: suspend (Appointment) -> Boolean): Int {
        var sent = 0
        for (appointment in booked) {
            if (appointment.state == AppointmentState.Booked && send(appointment)) {
                sent++
            }
        }
        return sent
    }
}
