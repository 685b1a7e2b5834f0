package io.mvtrx.runtime.simulator;

import org.junit.jupiter.api.Test;

import io.mvtrx.runtime.config.SimulationConfigs;

class SmokeTest {

    @Test
    void runs() throws Exception {
        long t0 = System.nanoTime();
        var config = SimulationConfigs.load("live", SimulationConfigs.embeddedDefault(), Fixtures.PLUGINS);
        try (Simulation s = Simulation.create(config, Fixtures.PLUGINS, SimulationOptions.defaults().withThreads(1).withBlockCount(1).withDuration(Long.getLong("dur", 120) * 1_000_000_000L))) {
            System.out.println("startup " + java.util.Arrays.toString(s.startupNanos()));
            long[] last = {System.nanoTime()};
            s.run(p -> { if (p.steps() % 30 == 0) { long n = System.nanoTime(); System.out.printf("%d s: %.1f ms, msgs %d l3 %d%n", p.elapsed() / 1_000_000_000L, (n - last[0]) / 1e6, p.messages(), p.l3Events()); last[0] = n; } });
            Progress p = s.progress();
            System.out.println(p + " speed " + p.speed() + " msg/s " + p.messagesPerSecond() + " wall " + (System.nanoTime() - t0) / 1e6 + " ms");
            s.bookStats().forEach(System.out::println);
            System.out.println(Long.toHexString(s.eventLogHash()));
        }
    }
}
