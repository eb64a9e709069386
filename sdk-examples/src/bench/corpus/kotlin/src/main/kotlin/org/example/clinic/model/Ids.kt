package org.example.clinic.model

import java.util.concurrent.atomic.AtomicLong

/** Readable sequential identifiers such as APT-000042. */
object Ids {
    private val counter = AtomicLong()

    const val WIDTH = 6

    fun next(prefix: String): String {
        val n = counter.incrementAndGet()
        return prefix + "-" + n.toString().padStart(WIDTH, '0')
    }
}

typealias PatientId = String
