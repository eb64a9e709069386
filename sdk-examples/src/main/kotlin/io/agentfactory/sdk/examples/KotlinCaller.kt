package io.agentfactory.sdk.examples

import io.agentfactory.sdk.coordinator.CoordinatorClient
import io.agentfactory.sdk.error.NotFoundException
import io.agentfactory.sdk.examples.simulator.SimulatedIds
import java.util.function.Consumer
import kotlinx.coroutines.async
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.reactive.asFlow
import kotlinx.coroutines.reactive.awaitSingle
import kotlinx.coroutines.reactor.mono
import reactor.core.publisher.Mono

/**
 * Example 8 — the SDK from Kotlin coroutines, through `kotlinx-coroutines-reactor`: a `Mono` is
 * awaited with `awaitSingle()`, a `Flux` is collected as a `Flow` with `asFlow()`. Each await
 * suspends; no thread is blocked, and cancelling the coroutine cancels the request.
 *
 * ```
 * ./mvnw -q -B -Pdemo -DskipTests verify -Ddemo.mainClass=io.agentfactory.sdk.examples.KotlinCaller
 * ```
 */
object KotlinCaller {

    /** A briefing on the fleet and one session, gathered by a coroutine. */
    data class Briefing(
        val agentsWorking: Int,
        val machines: List<String>,
        val sessionId: String,
        val firstEvents: List<String>,
        val unknownSession: String,
    )

    /**
     * Statistics and machines fetched concurrently (`async`, the coroutine spelling of `Mono.zip`),
     * then the first [events] events of [sessionId] as a `Flow` (`take` cancels the follow), then a
     * `NotFoundException` caught like any Kotlin exception.
     */
    suspend fun briefing(coordinator: CoordinatorClient, sessionId: String, events: Int): Briefing = coroutineScope {
        val stats = async { coordinator.stats.awaitSingle() }
        val machines = async { coordinator.machineStats.asFlow().map { "${it.id} (${it.status})" }.toList() }
        val firstEvents = coordinator.followActivities(sessionId).asFlow()
            .take(events)
            .map { "${it.type}: ${it.content}" }
            .toList()
        val unknownSession = try {
            coordinator.getSessionDetail("sess_does_not_exist").awaitSingle().session.identifier
        } catch (missing: NotFoundException) {
            "NotFoundException: HTTP ${missing.status()} ${missing.path().orElse("")}"
        }
        Briefing(stats.await().agentsWorking, machines.await(), sessionId, firstEvents, unknownSession)
    }

    /** [briefing] for Java callers: `mono { }` turns the coroutine back into a `Mono`. */
    @JvmStatic
    fun briefingMono(coordinator: CoordinatorClient, sessionId: String, events: Int): Mono<Briefing> =
        mono { briefing(coordinator, sessionId, events) }

    /**
     * Briefs on `--session` (by default, with the simulator, the completed session REN-127; against
     * a real coordinator the first session listed). Checks: the events and the 404 arrived.
     */
    @JvmStatic
    fun run(services: ExampleServices, out: Consumer<String>): Boolean {
        val coordinator = services.coordinator()
        val events = services.arguments().number("events", 3).toInt()
        val sessionId = services.arguments().value("session").orElseGet {
            services.simulator().map { it.sessionId(SimulatedIds.COMPLETED_SESSION) }.orElseGet {
                coordinator.sessions.block()!!.sessions().firstOrNull()?.id()
                    ?: throw IllegalStateException("the coordinator lists no session; pass --session <id>")
            }
        }
        val briefing = briefingMono(coordinator, sessionId, events).block()!!
        out.accept("  agents working: ${briefing.agentsWorking}")
        out.accept("  machines: ${briefing.machines.joinToString(", ")}")
        out.accept("  first ${briefing.firstEvents.size} events of ${briefing.sessionId}:")
        briefing.firstEvents.forEach { out.accept("    ${TextTable.clip(it, 90)}") }
        out.accept("  unknown session: ${briefing.unknownSession}")
        return briefing.firstEvents.size == events && briefing.unknownSession.startsWith("NotFoundException")
    }

    /** Runs the example alone (see [ExampleServices]; also `--session`, `--events`). */
    @JvmStatic
    fun main(args: Array<String>) = Example.launch(args) { services, out -> run(services, out) }
}
