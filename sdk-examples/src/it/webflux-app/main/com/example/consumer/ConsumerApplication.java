package com.example.consumer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import io.agentfactory.sdk.coordinator.CoordinatorClient;
import io.agentfactory.sdk.daemon.DaemonClient;
import io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.reactor.daemon.DaemonClientOptions;
import io.agentfactory.sdk.reactor.daemon.ReactorDaemonClient;

/** A WebFlux service that uses the SDK the way a user's would: clients as beans, closed with the context. */
@SpringBootApplication
public class ConsumerApplication {

    @Bean(destroyMethod = "close")
    CoordinatorClient coordinator(@Value("${agentfactory.coordinator-url}") String url) {
        return ReactorCoordinatorClient.create(CoordinatorClientOptions.builder(url).build());
    }

    @Bean(destroyMethod = "close")
    DaemonClient daemon(@Value("${agentfactory.daemon-url}") String url) {
        return ReactorDaemonClient.create(DaemonClientOptions.builder().baseUrl(url).build());
    }

    @Bean
    StreamLedger streamLedger() {
        return new StreamLedger();
    }

    public static void main(String[] args) {
        SpringApplication.run(ConsumerApplication.class, args);
    }
}
