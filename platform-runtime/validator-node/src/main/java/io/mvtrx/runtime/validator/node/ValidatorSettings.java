package io.mvtrx.runtime.validator.node;

import java.util.OptionalLong;

import io.mvtrx.runtime.validator.scoring.LatencyDelay;

/**
 * How the validator loop treats miners (protocol.md §4, §11.1). Times are simulation ns unless said otherwise.
 *
 * @param maxInstructionsPerBook instructions accepted per book from one response (reference 5)
 * @param capitalTurnoverCap     volume cap as a multiple of the miner wealth (10: 500 000 QUOTE for 50 000)
 * @param volumeSampling         bucket width of the traded-volume ledger (600 s)
 * @param volumeAssessment       period the traded volume is summed over for the cap (24 h)
 * @param maxAgentDelay          largest delay an agent may ask for on an instruction; larger is refused (24 h)
 * @param latency                response time to delay: the reference curve and jitter; its timeout is the
 *                               per-miner timeout of the transport
 * @param nominalResponse        when present, every answer is charged this response time (wall ns) instead of the
 *                               measured one, so runs repeat exactly; empty to charge what was measured
 * @param metagraphRefresh       how often the miners' registrations are read again (20 s, the reference's chain
 *                               sync cadence of four scoring intervals)
 * @param weightsRateLimit       blocks between two weight settings (the subnet's {@code weights_rate_limit}, 100)
 * @param checkpointEvery        scorings between two state checkpoints (1: after every scoring)
 * @param maxNoticesPerResponse  refusal notices sent per miner and publish; the rest are counted only, so a flood
 *                               of bad instructions cannot flood the miner's next state
 * @param scoring                scoring windows and weights
 */
public record ValidatorSettings(
        int maxInstructionsPerBook,
        double capitalTurnoverCap,
        long volumeSampling,
        long volumeAssessment,
        long maxAgentDelay,
        LatencyDelay latency,
        OptionalLong nominalResponse,
        long metagraphRefresh,
        long weightsRateLimit,
        int checkpointEvery,
        int maxNoticesPerResponse,
        ScoringSettings scoring) {

    private static final long SECOND = 1_000_000_000L;

    /** The reference validator's values, measured response times. */
    public static final ValidatorSettings REFERENCE = new ValidatorSettings(5, 10.0, 600 * SECOND,
            86_400 * SECOND, 86_400 * SECOND, LatencyDelay.REFERENCE, OptionalLong.empty(), 20 * SECOND, 100, 1,
            1_000, ScoringSettings.REFERENCE);

    public ValidatorSettings {
        if (maxInstructionsPerBook < 1) {
            throw new IllegalArgumentException("max instructions per book must be >= 1, got "
                    + maxInstructionsPerBook);
        }
        if (!(capitalTurnoverCap > 0)) {
            throw new IllegalArgumentException("capital turnover cap must be > 0, got " + capitalTurnoverCap);
        }
        if (volumeSampling <= 0 || volumeAssessment < volumeSampling) {
            throw new IllegalArgumentException(String.format(
                    "need 0 < volume sampling <= volume assessment, got %d and %d", volumeSampling,
                    volumeAssessment));
        }
        if (maxAgentDelay < 0) {
            throw new IllegalArgumentException("max agent delay must be >= 0 ns, got " + maxAgentDelay);
        }
        if (latency == null || nominalResponse == null || scoring == null) {
            throw new IllegalArgumentException("latency, nominal response and scoring are required");
        }
        if (nominalResponse.isPresent() && nominalResponse.getAsLong() < 0) {
            throw new IllegalArgumentException("nominal response must be >= 0 ns, got "
                    + nominalResponse.getAsLong());
        }
        if (metagraphRefresh <= 0) {
            throw new IllegalArgumentException("metagraph refresh must be > 0 ns, got " + metagraphRefresh);
        }
        if (weightsRateLimit < 0 || checkpointEvery < 1 || maxNoticesPerResponse < 0) {
            throw new IllegalArgumentException(String.format(
                    "need weights rate limit >= 0, checkpoint every >= 1, max notices >= 0; got %d, %d, %d",
                    weightsRateLimit, checkpointEvery, maxNoticesPerResponse));
        }
    }

    /** With every answer charged {@code wall} ns of response time (reproducible runs). */
    public ValidatorSettings withNominalResponse(long wall) {
        return new ValidatorSettings(maxInstructionsPerBook, capitalTurnoverCap, volumeSampling, volumeAssessment,
                maxAgentDelay, latency, OptionalLong.of(wall), metagraphRefresh, weightsRateLimit, checkpointEvery,
                maxNoticesPerResponse, scoring);
    }

    /** With other scoring settings. */
    public ValidatorSettings withScoring(ScoringSettings settings) {
        return new ValidatorSettings(maxInstructionsPerBook, capitalTurnoverCap, volumeSampling, volumeAssessment,
                maxAgentDelay, latency, nominalResponse, metagraphRefresh, weightsRateLimit, checkpointEvery,
                maxNoticesPerResponse, settings);
    }

    /** With another per-book instruction limit. */
    public ValidatorSettings withMaxInstructionsPerBook(int max) {
        return new ValidatorSettings(max, capitalTurnoverCap, volumeSampling, volumeAssessment, maxAgentDelay,
                latency, nominalResponse, metagraphRefresh, weightsRateLimit, checkpointEvery, maxNoticesPerResponse,
                scoring);
    }

    /** With another volume cap multiple. */
    public ValidatorSettings withCapitalTurnoverCap(double cap) {
        return new ValidatorSettings(maxInstructionsPerBook, cap, volumeSampling, volumeAssessment, maxAgentDelay,
                latency, nominalResponse, metagraphRefresh, weightsRateLimit, checkpointEvery, maxNoticesPerResponse,
                scoring);
    }

    /** With another metagraph refresh period and weights rate limit. */
    public ValidatorSettings withChainCadence(long refresh, long rateLimit) {
        return new ValidatorSettings(maxInstructionsPerBook, capitalTurnoverCap, volumeSampling, volumeAssessment,
                maxAgentDelay, latency, nominalResponse, refresh, rateLimit, checkpointEvery, maxNoticesPerResponse,
                scoring);
    }

    /** With a checkpoint every {@code scorings} scorings. */
    public ValidatorSettings withCheckpointEvery(int scorings) {
        return new ValidatorSettings(maxInstructionsPerBook, capitalTurnoverCap, volumeSampling, volumeAssessment,
                maxAgentDelay, latency, nominalResponse, metagraphRefresh, weightsRateLimit, scorings,
                maxNoticesPerResponse, scoring);
    }

    /** With another latency model (its timeout should be the transport's per-miner timeout). */
    public ValidatorSettings withLatency(LatencyDelay model) {
        return new ValidatorSettings(maxInstructionsPerBook, capitalTurnoverCap, volumeSampling, volumeAssessment,
                maxAgentDelay, model, nominalResponse, metagraphRefresh, weightsRateLimit, checkpointEvery,
                maxNoticesPerResponse, scoring);
    }
}
