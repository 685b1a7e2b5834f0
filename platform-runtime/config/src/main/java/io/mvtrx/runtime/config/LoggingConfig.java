package io.mvtrx.runtime.config;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The exchange's log files: {@code <Logging startDate tag>} with optional {@code <L2 depth/>}, {@code <L3/>},
 * {@code <FeeLog/>} and {@code <Replay/>} children, each switching one log on.
 *
 * @param startDate calendar time simulation time 0 stands for in log rows
 * @param tag       prefix of log file names, if any
 * @param l2Depth   levels per side in L2 rows; 0 when the L2 log is off
 * @param l3        whether the L3 event log is written
 * @param feeLog    whether the fee log is written
 * @param replay    whether replay logs are written
 */
public record LoggingConfig(LocalDateTime startDate, Optional<String> tag, int l2Depth, boolean l3, boolean feeLog,
                            boolean replay) {

    /** Start date when {@code startDate} is absent: simulation time 0 is the Unix epoch. */
    public static final LocalDateTime DEFAULT_START_DATE = LocalDateTime.of(1970, 1, 1, 0, 0);

    /** Levels per side when {@code <L2>} has no {@code depth}. */
    public static final int DEFAULT_L2_DEPTH = 21;

    /** No {@code <Logging>} element: every log off. */
    public static final LoggingConfig OFF =
            new LoggingConfig(DEFAULT_START_DATE, Optional.empty(), 0, false, false, false);

    public LoggingConfig {
        Checks.present("Logging startDate", startDate);
        Checks.present("Logging tag", tag);
        Checks.atLeast("L2 depth", l2Depth, 0);
    }

    /** Whether the L2 log is written. */
    public boolean l2() {
        return l2Depth > 0;
    }
}
