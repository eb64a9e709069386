package io.agentfactory.sdk.reactor.faults;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.SingletonDnsServerAddressStreamProvider;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.udp.UdpServer;

/**
 * A DNS server on loopback that knows no name: every query gets NXDOMAIN. Name-resolution
 * failures are tested against it, so that no query ever leaves the machine (the system resolver
 * may sit on another host).
 */
final class UnknownNamesDns implements AutoCloseable {

    private final AtomicInteger queries = new AtomicInteger();
    private final Connection server;

    private UnknownNamesDns() {
        this.server = UdpServer.create()
                .host("127.0.0.1")
                .port(0)
                .doOnBound(c -> c.addHandlerLast(new DatagramDnsQueryDecoder())
                        .addHandlerLast(new DatagramDnsResponseEncoder()))
                .handle((in, out) -> out.sendObject(in.receiveObject()
                        .ofType(DatagramDnsQuery.class)
                        // Answer now: the query is released once onNext returns.
                        .map(this::unknown)))
                .bindNow(Duration.ofSeconds(10));
    }

    /** Starts the server on a free loopback UDP port. */
    static UnknownNamesDns start() {
        return new UnknownNamesDns();
    }

    /** An HTTP client on {@code pool} that resolves names with this server only. */
    HttpClient httpClient(ConnectionProvider pool) {
        // The datagram channel must suit the client's event loops: native epoll when Reactor Netty uses it.
        Class<? extends DatagramChannel> udp = Epoll.isAvailable() ? EpollDatagramChannel.class
                : NioDatagramChannel.class;
        return HttpClient.create(pool).resolver(new DnsAddressResolverGroup(new DnsNameResolverBuilder()
                .datagramChannelType(udp)
                .nameServerProvider(new SingletonDnsServerAddressStreamProvider((InetSocketAddress) server.address()))
                .searchDomains(List.of())
                .negativeTtl(0)
                .queryTimeoutMillis(2_000)));
    }

    /** How many queries arrived. */
    int queryCount() {
        return queries.get();
    }

    private DatagramDnsResponse unknown(DatagramDnsQuery query) {
        queries.incrementAndGet();
        DatagramDnsResponse response = new DatagramDnsResponse(query.recipient(), query.sender(), query.id());
        response.setCode(DnsResponseCode.NXDOMAIN);
        response.setRecursionAvailable(true);
        response.addRecord(DnsSection.QUESTION, query.recordAt(DnsSection.QUESTION));
        return response;
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(10));
    }
}
