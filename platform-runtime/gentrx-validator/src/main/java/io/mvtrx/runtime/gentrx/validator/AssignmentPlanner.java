package io.mvtrx.runtime.gentrx.validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.mvtrx.api.gentrx.BucketAccess;
import io.mvtrx.api.gentrx.TrainingAssignment;

/**
 * Builds a round's assignments from the pages a gradient server lists (gentrx.md §1.4): a seeded held-out split of
 * the books, then per miner its own seeded sample of training books and one page per book — usually one of the four
 * newest, sometimes ({@value #STALE_REVISIT}) the page assigned longest ago. Unlike the reference, which sends the
 * first miner's body to everyone (§11.4), every miner gets its own assignment; the time window is shared so the
 * held-out scoring sees the same forward data for all.
 *
 * <p>Not thread-safe: one planner per validator, called once per round. It remembers when each page was last
 * assigned, forgetting pages the server no longer lists.
 */
public final class AssignmentPlanner {

    /** Books per miner ({@code books_per_miner}). */
    public static final int BOOKS_PER_MINER = 3;
    /** Fraction of books held out for scoring ({@code val_fraction}). */
    public static final double VAL_FRACTION = 0.10;
    /** Probability of assigning the least recently assigned page instead of a recent one. */
    public static final double STALE_REVISIT = 0.2;
    /** How many of the newest pages a fresh pick chooses among. */
    public static final int RECENT_PAGES = 4;

    private final Map<String, Long> pageLastRound = new HashMap<>();

    /**
     * A round's plan.
     *
     * @param round       the round
     * @param heldOut     books held out for scoring, in book order
     * @param training    books miners may train on, in book order
     * @param assignments per miner uid, in uid order; empty when the round is skipped
     */
    public record Plan(long round, List<String> heldOut, List<String> training,
                       Map<Integer, TrainingAssignment> assignments) {
        public Plan {
            heldOut = List.copyOf(heldOut);
            training = List.copyOf(training);
            assignments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
        }
    }

    /**
     * Plans round {@code round}.
     *
     * @param pages        every page the server lists
     * @param miners       uids of the miners with a serving axon, the validator itself excluded
     * @param validatorUid this validator's uid (data keys live under {@code data/<uid>/})
     * @param modelVersion the server's model version
     * @param data         how miners read the validator's bucket
     * @param bucketPrefix the shard prefix the keys are relative to
     */
    public Plan plan(long round, List<DataPage> pages, List<Integer> miners, int validatorUid, long modelVersion,
                     BucketAccess data, String bucketPrefix) {
        Map<String, List<DataPage>> byBook = new TreeMap<>(AssignmentPlanner::compareBooks);
        for (DataPage page : pages) {
            byBook.computeIfAbsent(page.book(), book -> new ArrayList<>()).add(page);
        }
        byBook.values().forEach(list -> list.sort(Comparator.comparingLong(DataPage::startNs)
                .thenComparingLong(DataPage::endNs).thenComparing(DataPage::file)));
        forgetUnlisted(pages);

        List<String> books = List.copyOf(byBook.keySet());
        if (books.isEmpty()) {
            return new Plan(round, List.of(), List.of(), Map.of());
        }
        int heldOutCount = Math.max(1, (int) Math.floor(books.size() * VAL_FRACTION));
        Set<String> heldOutSet = new HashSet<>(new SeededChoice(round + ":val").sample(books, heldOutCount));
        List<String> heldOut = books.stream().filter(heldOutSet::contains).toList();
        List<String> training = books.stream().filter(book -> !heldOutSet.contains(book)).toList();
        if (training.isEmpty()) {
            return new Plan(round, heldOut, training, Map.of());
        }

        Map<Integer, List<DataPage>> chosen = new TreeMap<>();
        for (int uid : new java.util.TreeSet<>(miners)) {
            List<String> mine = new SeededChoice(round + ":" + uid + ":books")
                    .sample(training, Math.min(BOOKS_PER_MINER, training.size()));
            SeededChoice pagePick = new SeededChoice(round + ":" + uid + ":page");
            List<DataPage> picked = new ArrayList<>();
            for (String book : mine) {
                DataPage page = pick(byBook.get(book), pagePick);
                pageLastRound.put(page.id(), round);
                picked.add(page);
            }
            chosen.put(uid, picked);
        }
        long tsStart = chosen.values().stream().flatMap(List::stream).mapToLong(DataPage::startNs).min().orElse(0);
        long tsEnd = chosen.values().stream().flatMap(List::stream).mapToLong(DataPage::endNs).max().orElse(0);

        Map<Integer, TrainingAssignment> assignments = new LinkedHashMap<>();
        chosen.forEach((uid, picked) -> assignments.put(uid, new TrainingAssignment(round, modelVersion,
                picked.stream().map(DataPage::book).toList(), tsStart, tsEnd,
                picked.stream().map(page -> dataKey(validatorUid, page)).toList(), data, validatorUid, bucketPrefix,
                Map.of())));
        return new Plan(round, heldOut, training, assignments);
    }

    /** The key of a page relative to the shard prefix, as the reference lays it out. */
    public static String dataKey(int validatorUid, DataPage page) {
        return "data/" + validatorUid + "/" + page.book() + "/intervals/" + page.file();
    }

    private DataPage pick(List<DataPage> pages, SeededChoice choice) {
        if (choice.uniform() < STALE_REVISIT) {
            DataPage stalest = pages.getFirst();
            long stalestRound = pageLastRound.getOrDefault(stalest.id(), -1L);
            for (DataPage page : pages) {
                long last = pageLastRound.getOrDefault(page.id(), -1L);
                if (last < stalestRound) {
                    stalest = page;
                    stalestRound = last;
                }
            }
            return stalest;
        }
        List<DataPage> recent = pages.subList(Math.max(0, pages.size() - RECENT_PAGES), pages.size());
        return recent.get(choice.below(recent.size()));
    }

    private void forgetUnlisted(List<DataPage> pages) {
        Set<String> listed = new HashSet<>();
        pages.forEach(page -> listed.add(page.id()));
        pageLastRound.keySet().retainAll(listed);
    }

    /** Numeric book ids in numeric order, then the others in text order (gentrx.md §1.4 step 1). */
    static int compareBooks(String a, String b) {
        boolean numericA = a.chars().allMatch(Character::isDigit) && !a.isEmpty();
        boolean numericB = b.chars().allMatch(Character::isDigit) && !b.isEmpty();
        if (numericA && numericB) {
            int byValue = new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
            return byValue != 0 ? byValue : a.compareTo(b);
        }
        if (numericA != numericB) {
            return numericA ? -1 : 1;
        }
        return a.compareTo(b);
    }

    /** When each listed page was last assigned (round), for checkpoints and tests. */
    public Map<String, Long> pageLastRound() {
        return Map.copyOf(pageLastRound);
    }

    /** Restores what {@link #pageLastRound()} returned. */
    public void restore(Map<String, Long> lastRounds) {
        pageLastRound.clear();
        pageLastRound.putAll(lastRounds);
    }
}
