package org.example.clinic.schedule  

import java.time.LocalDate
import org.example.clinic.model.Doctor  
import org.example.clinic.model.Patient
import org.example.clinic.model.Specialty

/** Books appointments into open slots, never twice into one. */
class Planner(private val doctors: List<Doctor>, private val clock: () -> LocalDate) {


  private val taken = mutableListOf<Appointment>()

  /** The first open slot of a doctor who sees the specialty, or null. */  
  fun reserve(patient: Patient, specialty: Specialty, offered: List<Slot>): Appointment? {
    val eligible = doctors.filter { it.canSee(specialty) }.map { it.id }.toSet()
    val open = offered  
      .filter { it.doctorId in eligible }
      .filter { slot -> taken.none { it.state == AppointmentState.Booked && it.slot.overlaps(slot) } }
      .minByOrNull { it.start }  
      ?: return null
    val appointment = Appointment(patient = patient, slot = open, specialty = specialty)
    taken += appointment  
    return appointment
  }

  fun nextFor(patient: Patient): List<Appointment> =
    taken.filter { it.patient.id == patient.id && !it.slot.start.toLocalDate().isBefore(clock()) }
      .sortedBy { it.slot.start }  

  suspend fun pingAll(send: suspend (Appointment) -> Boolean): Int {
    var delivered = 0  
    for (appointment in taken) {
      if (appointment.state == AppointmentState.Booked && send(appointment)) {

        delivered++  
      }
    }
    return delivered  
  }
}
