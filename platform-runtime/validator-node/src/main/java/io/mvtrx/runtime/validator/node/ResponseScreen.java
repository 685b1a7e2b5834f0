package io.mvtrx.runtime.validator.node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.ClosePositions;
import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.instruction.ResetAgents;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.runtime.validator.scoring.LatencyDelay;

/**
 * The validator's rules for one miner's response (protocol.md §4.2 steps 4-7 and §4.3), applied instruction by
 * instruction, in order. An instruction that breaks a rule is refused alone — with a reason the miner is told in its
 * next state — and the others stand (the reference voided the whole response for one bad instruction; MVTRX does
 * not):
 *
 * <ol>
 *   <li>a {@code ResetAgents} is refused ({@code INVALID_INSTRUCTION}; it has no book, so no notice): only the
 *       validator resets accounts;</li>
 *   <li>a book outside {@code 0..bookCount-1} is refused ({@code UNKNOWN_BOOK});</li>
 *   <li>an agent delay above {@code maxAgentDelay} is refused ({@code INVALID_INSTRUCTION});</li>
 *   <li>volume cap: on a book where the miner's traded volume over the assessment period has reached the cap, every
 *       instruction but a cancellation is refused ({@code VOLUME_CAP});</li>
 *   <li>self-trade prevention cannot be switched off: a placement with {@code StpMode.NONE} is sent as
 *       {@code CO} (cancel oldest), as the reference intends (its model refused NONE and voided the response);</li>
 *   <li>per-book limit: once {@code maxPerBook} instructions for a book are accepted, later ones for it are refused
 *       ({@code INSTRUCTION_LIMIT}); only accepted instructions count;</li>
 *   <li>an accepted instruction's delay becomes its own delay + the response's latency delay (+ jitter for every
 *       instruction after the first on its book), saturating at {@code Long.MAX_VALUE}.</li>
 * </ol>
 *
 * <p>Not thread-safe; one per validator loop.
 */
final class ResponseScreen {

    private final int bookCount;
    private final int maxPerBook;
    private final long maxAgentDelay;
    private final VolumeLedger ledger;
    private final double volumeCap;
    private final int[] accepted;

    ResponseScreen(int bookCount, int maxPerBook, long maxAgentDelay, VolumeLedger ledger, double volumeCap) {
        this.bookCount = bookCount;
        this.maxPerBook = maxPerBook;
        this.maxAgentDelay = maxAgentDelay;
        this.ledger = ledger;
        this.volumeCap = volumeCap;
        this.accepted = new int[bookCount];
    }

    /** The outcome for one response: what goes to the simulator, what is refused and why. */
    record Screened(List<Instruction> accepted, List<Refusal> refused) {
    }

    /** One refused instruction (as the miner sent it) and the reason it is told. */
    record Refusal(Instruction instruction, RejectReason reason) {
    }

    Screened screen(int uid, List<Instruction> instructions, LatencyDelay.Assigner delays) {
        Arrays.fill(accepted, 0);
        List<Instruction> passed = new ArrayList<>(Math.min(instructions.size(), 64));
        List<Refusal> refused = new ArrayList<>();
        for (Instruction instruction : instructions) {
            int book = bookOf(instruction);
            RejectReason reason = null;
            if (instruction instanceof ResetAgents) {
                reason = RejectReason.INVALID_INSTRUCTION;
            } else if (book < 0 || book >= bookCount) {
                reason = RejectReason.UNKNOWN_BOOK;
            } else if (instruction.delay() > maxAgentDelay) {
                reason = RejectReason.INVALID_INSTRUCTION;
            } else if (!(instruction instanceof CancelOrders) && ledger.volume(uid, book) >= volumeCap) {
                reason = RejectReason.VOLUME_CAP;
            } else if (accepted[book] >= maxPerBook) {
                reason = RejectReason.INSTRUCTION_LIMIT;
            }
            if (reason != null) {
                refused.add(new Refusal(instruction, reason));
                continue;
            }
            accepted[book]++;
            long delay = saturatingAdd(instruction.delay(), delays.next(book));
            passed.add(rewrite(instruction, delay));
        }
        return new Screened(passed, refused);
    }

    static int bookOf(Instruction instruction) {
        return switch (instruction) {
            case PlaceLimit p -> p.bookId();
            case PlaceMarket p -> p.bookId();
            case CancelOrders c -> c.bookId();
            case ClosePositions c -> c.bookId();
            case ResetAgents r -> -1;
        };
    }

    /** The instruction with {@code delay} and self-trade prevention forced on. */
    static Instruction rewrite(Instruction instruction, long delay) {
        return switch (instruction) {
            case PlaceLimit p -> new PlaceLimit(p.bookId(), p.side(), p.price(), p.volume(), p.currency(),
                    p.leverage(), p.timeInForce(), p.expiryPeriod(), p.postOnly(), stp(p.stp()), p.clientOrderId(),
                    p.settleFlag(), p.stopLoss(), p.takeProfit(), delay);
            case PlaceMarket p -> new PlaceMarket(p.bookId(), p.side(), p.volume(), p.currency(), p.leverage(),
                    p.maxSlippage(), stp(p.stp()), p.clientOrderId(), p.settleFlag(), p.stopLoss(), p.takeProfit(),
                    delay);
            case CancelOrders c -> new CancelOrders(c.bookId(), c.cancellations(), delay);
            case ClosePositions c -> new ClosePositions(c.bookId(), c.closes(), delay);
            case ResetAgents r -> new ResetAgents(r.agentIds(), delay);
        };
    }

    private static StpMode stp(StpMode mode) {
        return mode == StpMode.NONE ? StpMode.CO : mode;
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
