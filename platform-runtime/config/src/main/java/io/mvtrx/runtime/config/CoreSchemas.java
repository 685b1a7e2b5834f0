package io.mvtrx.runtime.config;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;

import static io.mvtrx.api.settings.ParameterType.BOOLEAN;
import static io.mvtrx.api.settings.ParameterType.DECIMAL;
import static io.mvtrx.api.settings.ParameterType.INTEGER;
import static io.mvtrx.api.settings.ParameterType.STRING;

/**
 * The attributes the core itself reads, per element; plugin attributes are declared by each plugin's
 * {@code parameters()}. Defaults here are the single source for the binder. Ranges are checked by the binder.
 */
final class CoreSchemas {

    /** {@code <Simulation>}. */
    static final ParameterSchema SIMULATION = ParameterSchema.of(
            optional("id", STRING, null, "run id; the runtime derives one when absent"),
            optional("start", INTEGER, "0", "simulation start time, ns, >= 0"),
            Parameter.required("step", INTEGER, "step and publish interval, ns, > 0"),
            Parameter.required("duration", INTEGER, "simulated time, ns, > 0"),
            optional("timescale", STRING, SimulationConfig.TIMESCALE, "time unit of every duration; only ns"),
            optional("logWindow", INTEGER, "0", "log rotation window, ns; 0 (off) or 1 s..99 days"),
            optional("blockCount", INTEGER, "1", "independent blocks of books, >= 1"),
            optional("seed", INTEGER, Long.toString(SimulationConfig.DEFAULT_SEED), "root seed of every stream"),
            optional("ckptIntervalInSteps", INTEGER, "0", "steps between checkpoints; 0 = off"),
            optional("ckptNumLastFilesToKeep", INTEGER, "3", "newest checkpoints kept, >= 1"),
            optional("ckptMeasureWallClockTime", BOOLEAN, "0", "time checkpoint writes"),
            optional("ckptNumWorkers", INTEGER, "1", "checkpoint writer threads, >= 1"),
            optional("traceTime", BOOLEAN, null, "upstream console option; accepted, not interpreted"),
            optional("debug", BOOLEAN, null, "upstream console option; accepted, not interpreted"),
            optional("error", BOOLEAN, null, "upstream console option; accepted, not interpreted"),
            optional("useMessagePack", BOOLEAN, null, "upstream IPC option; accepted, not interpreted"),
            optional("measureStepWallClockTime", BOOLEAN, null, "upstream option; accepted, not interpreted"),
            optional("host", STRING, null, "upstream validator host; accepted, not interpreted"),
            optional("port", INTEGER, null, "upstream validator port, 0..65535; accepted, not interpreted"));

    /** {@code <MultiBookExchangeAgent>}. */
    static final ParameterSchema EXCHANGE = ParameterSchema.of(
            Parameter.required("name", STRING, "exchange name agents refer to"),
            optional("remoteAgentCount", INTEGER, "0", "remote (miner) accounts per block, >= 0"),
            Parameter.required("gracePeriod", INTEGER, "ns before the first publish, >= 0"),
            Parameter.required("priceDecimals", INTEGER, "price decimals, 0..18"),
            Parameter.required("volumeDecimals", INTEGER, "volume decimals, 0..18"),
            Parameter.required("baseDecimals", INTEGER, "base balance decimals, 0..18"),
            Parameter.required("quoteDecimals", INTEGER, "quote balance decimals, 0..18"),
            Parameter.required("maxLeverage", DECIMAL, "highest order leverage, >= 0"),
            Parameter.required("maxLoan", DECIMAL, "highest loan per account and book, quote, >= 0"),
            Parameter.required("maintenanceMargin", DECIMAL, "0..1/(2*(1+maxLeverage))"),
            optional("maxOpenOrders", INTEGER, null, "resting orders per agent and book, >= 1; unlimited if absent"),
            Parameter.required("initialPrice", DECIMAL, "starting price, at least one tick"),
            optional("minOrderSize", DECIMAL, null, "smallest order volume, >= 0; raised to one lot"));

    /** {@code <FeePolicy>}. */
    static final ParameterSchema FEE_POLICY = ParameterSchema.of(
            Parameter.required("type", STRING, "fee policy plugin name"));

    /** {@code <Books>}. */
    static final ParameterSchema BOOKS = ParameterSchema.of(
            Parameter.required("instanceCount", INTEGER, "books per block, >= 1"),
            optional("maxDepth", INTEGER, Integer.toString(BooksConfig.DEFAULT_MAX_DEPTH),
                    "levels per side published, >= 1"),
            optional("detailedDepth", INTEGER, Integer.toString(BooksConfig.DEFAULT_DETAILED_DEPTH),
                    "levels published with orders, >= 0, capped at maxDepth"),
            optional("algorithm", STRING, BooksConfig.DEFAULT_ALGORITHM, "matching rule plugin name"));

    /** A {@code <Processes>} child, before its plugin's own attributes. */
    static final ParameterSchema PROCESS = ParameterSchema.of(
            Parameter.required("name", STRING, "instance name agents look the process up by"));

    /** {@code <Balances>}, before its plugin's own attributes. */
    static final ParameterSchema BALANCES = ParameterSchema.of(
            optional("type", STRING, null, "balance distribution plugin name; static when absent"));

    /** {@code <Base>} and {@code <Quote>} of a static {@code <Balances>}. */
    static final ParameterSchema STATIC_AMOUNT = ParameterSchema.of(
            Parameter.required("total", DECIMAL, "starting amount, >= 0"));

    /** {@code <Logging>}. */
    static final ParameterSchema LOGGING = ParameterSchema.of(
            optional("startDate", STRING, "1970-01-01 00:00:00", "calendar time of simulation time 0"),
            optional("tag", STRING, null, "log file name prefix"));

    /** {@code <L2>} under {@code <Logging>}. */
    static final ParameterSchema L2 = ParameterSchema.of(
            optional("depth", INTEGER, Integer.toString(LoggingConfig.DEFAULT_L2_DEPTH), "levels per side, >= 1"));

    /** Any background-agent element, before its plugin's own attributes. */
    static final ParameterSchema AGENT = ParameterSchema.of(
            Parameter.required("name", STRING, "base name of the instances, unique"),
            optional("instanceCount", INTEGER, "1", "agents per block, >= 0"),
            optional("exchange", STRING, null, "the exchange's name; defaults to it"));

    /** An element with no attributes of its own. */
    static final ParameterSchema NONE = ParameterSchema.NONE;

    private CoreSchemas() {
    }

    private static Parameter optional(String name, ParameterType type, String defaultValue, String description) {
        return new Parameter(name, type, false, defaultValue, description);
    }
}
