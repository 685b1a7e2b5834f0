package io.mvtrx.runtime.wire.miner;

import java.time.Duration;
import java.util.function.Supplier;

import io.mvtrx.runtime.wire.Check;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/**
 * The miner's health checks, read from internal state only.
 * <ul>
 *   <li>readiness {@code metagraph}: up once the metagraph has been read, so callers can be checked;</li>
 *   <li>liveness {@code agent}: down while one agent call has been running for more than
 *       {@link #HUNG_FACTOR} agent timeouts (a hung agent), with request and failure counts as details.</li>
 * </ul>
 */
final class MinerHealth {

    /** An agent call running this many timeouts is taken as hung. */
    static final int HUNG_FACTOR = 4;

    private MinerHealth() {
    }

    static HealthCheck metagraph(MetagraphCache metagraph) {
        return check("metagraph", HealthCheckType.READINESS, () -> {
            HealthCheckResponse.Builder response = HealthCheckResponse.builder()
                    .status(metagraph.loadedAt().isPresent())
                    .detail("netuid", metagraph.netuid())
                    .detail("neurons", metagraph.size());
            metagraph.loadedAt().ifPresent(at -> response.detail("loadedAt", at.toString()));
            return response.build();
        });
    }

    static HealthCheck agent(AgentHost host, RequestAuthenticator authenticator) {
        return check("agent", HealthCheckType.LIVENESS, () -> {
            Duration busy = host.busyFor();
            HealthCheckResponse.Builder response = HealthCheckResponse.builder()
                    .status(busy.compareTo(host.timeout().multipliedBy(HUNG_FACTOR)) <= 0)
                    .detail("busyMillis", busy.toMillis())
                    .detail("calls", host.calls())
                    .detail("failures", host.failures())
                    .detail("timeouts", host.timeouts())
                    .detail("accepted", authenticator.accepted());
            for (Check check : Check.values()) {
                response.detail("rejected." + check.trailerValue(), authenticator.rejected(check));
            }
            return response.build();
        });
    }

    private static HealthCheck check(String name, HealthCheckType type,
                                     Supplier<HealthCheckResponse> call) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public HealthCheckType type() {
                return type;
            }

            @Override
            public HealthCheckResponse call() {
                return call.get();
            }
        };
    }
}
