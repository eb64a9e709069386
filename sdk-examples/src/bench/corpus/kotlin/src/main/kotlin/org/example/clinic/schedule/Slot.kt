package org.example.clinic.schedule

import java.time.Duration
import java.time.LocalDateTime

/** A bookable stretch of a doctor's day. */
data class Slot(val doctorId: String, val start: LocalDateTime, val length: Duration) {

    val end: LocalDateTime
        get() = start.plus(length)

    fun overlaps(other: Slot): Boolean =
        doctorId == other.doctorId && start < other.end && other.start < end
}

/** Cuts a working day into equal slots. */
fun daySlots(doctorId: String, from: LocalDateTime, until: LocalDateTime, length: Duration): List<Slot> {
    val slots = mutableListOf<Slot>()
    var at = from
    while (!at.plus(length).isAfter(until)) {
        slots += Slot(doctorId, at, length)
        at = at.plus(length)
    }
    return slots
}
