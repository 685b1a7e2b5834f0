package io.mvtrx.runtime.gentrx.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.mvtrx.api.gentrx.BucketAccess;
import io.mvtrx.api.gentrx.TrainingAssignment;

import org.junit.jupiter.api.Test;

class AssignmentPlannerTest {

    private static final BucketAccess BUCKET = new BucketAccess("local", "/srv/gentrx", "", "", "");
    private static final String PREFIX = "gentrx/localnet/simulation/";

    /** {@code perBook} pages per book, page i of a book covering [i*100, i*100+99]. */
    private static List<DataPage> pages(int books, int perBook) {
        List<DataPage> pages = new ArrayList<>();
        for (int b = 0; b < books; b++) {
            for (int i = 0; i < perBook; i++) {
                pages.add(new DataPage(Integer.toString(b), "p" + i + ".parquet", i * 100L, i * 100L + 99));
            }
        }
        return pages;
    }

    @Test
    void holdsOutATenthOfTheBooksAndGivesEachMinerThreeOthersWithItsOwnKeys() {
        var plan = new AssignmentPlanner().plan(12, pages(11, 5), List.of(9, 3, 4), 1, 6, BUCKET, PREFIX);

        // 11 books: floor(1.1) = 1 held out, 10 to train on
        assertThat(plan.heldOut()).hasSize(1);
        assertThat(plan.training()).hasSize(10).doesNotContainAnyElementsOf(plan.heldOut());
        assertThat(plan.assignments()).containsOnlyKeys(3, 4, 9);
        assertThat(List.copyOf(plan.assignments().keySet())).containsExactly(3, 4, 9);
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (TrainingAssignment assignment : plan.assignments().values()) {
            assertThat(assignment.books()).hasSize(3).doesNotHaveDuplicates().isSubsetOf(plan.training());
            assertThat(assignment.dataKeys()).hasSize(3);
            for (int i = 0; i < 3; i++) {
                assertThat(assignment.dataKeys().get(i)).matches("data/1/" + assignment.books().get(i)
                        + "/intervals/p[0-4]\\.parquet");
                int page = assignment.dataKeys().get(i).charAt(assignment.dataKeys().get(i).length() - 9) - '0';
                start = Math.min(start, page * 100L);
                end = Math.max(end, page * 100L + 99);
            }
            assertThat(assignment.round()).isEqualTo(12);
            assertThat(assignment.modelVersion()).isEqualTo(6);
            assertThat(assignment.validatorUid()).isEqualTo(1);
            assertThat(assignment.bucketPrefix()).isEqualTo(PREFIX);
        }
        // one window shared by every miner: the span of every chosen page
        for (TrainingAssignment assignment : plan.assignments().values()) {
            assertThat(assignment.tsStartNs()).isEqualTo(start);
            assertThat(assignment.tsEndNs()).isEqualTo(end);
        }
    }

    @Test
    void theSameRoundGivesTheSamePlanOnAnyValidatorAndAnotherRoundADifferentOne() {
        var first = new AssignmentPlanner().plan(40, pages(20, 6), List.of(1, 2, 3, 4), 0, 1, BUCKET, PREFIX);
        var again = new AssignmentPlanner().plan(40, pages(20, 6), List.of(4, 3, 2, 1), 0, 1, BUCKET, PREFIX);
        var next = new AssignmentPlanner().plan(41, pages(20, 6), List.of(1, 2, 3, 4), 0, 1, BUCKET, PREFIX);

        assertThat(again).isEqualTo(first);
        assertThat(next.assignments()).isNotEqualTo(first.assignments());
        // 20 books: 2 held out
        assertThat(first.heldOut()).hasSize(2);
    }

    @Test
    void picksAmongTheFourNewestPagesUnlessRevisitingTheOneAssignedLongestAgo() {
        AssignmentPlanner planner = new AssignmentPlanner();
        List<DataPage> pages = pages(2, 7); // 2 books: 1 held out, 1 to train on, 7 pages in each
        Map<String, Long> lastRound = new HashMap<>();
        int oldPicks = 0;
        int rounds = 500;
        for (long round = 0; round < rounds; round++) {
            var plan = planner.plan(round, pages, List.of(5), 0, 0, BUCKET, PREFIX);
            String key = plan.assignments().get(5).dataKeys().getFirst();
            String book = plan.assignments().get(5).books().getFirst();
            int page = key.charAt(key.length() - 9) - '0';
            if (page < 3) { // not among the 4 newest (p3..p6): only the stale revisit picks it
                oldPicks++;
                long mine = lastRound.getOrDefault(book + "/p" + page + ".parquet", -1L);
                for (int other = 0; other < 7; other++) {
                    assertThat(mine).isLessThanOrEqualTo(lastRound.getOrDefault(book + "/p" + other + ".parquet",
                            -1L));
                }
            }
            lastRound.put(book + "/p" + page + ".parquet", round);
        }
        // the stale revisit happens with probability 0.2 and then prefers the 3 old pages, which the fresh picks
        // never refresh: a fifth of the rounds, give or take the seeded draws
        assertThat(oldPicks).isBetween(70, 130);
        // the held-out book changes with the round, so both books are trained on, all 7 pages of each
        assertThat(planner.pageLastRound()).hasSize(14);
    }

    @Test
    void skipsARoundWithNothingToTrainOnAndForgetsPagesNoLongerListed() {
        AssignmentPlanner planner = new AssignmentPlanner();
        planner.plan(1, pages(3, 2), List.of(1), 0, 0, BUCKET, PREFIX);
        assertThat(planner.pageLastRound()).isNotEmpty();

        var single = planner.plan(2, pages(1, 2), List.of(1), 0, 0, BUCKET, PREFIX);

        assertThat(single.heldOut()).containsExactly("0");
        assertThat(single.assignments()).isEmpty();
        assertThat(planner.pageLastRound().keySet()).allMatch(id -> id.startsWith("0/"));
        assertThat(new AssignmentPlanner().plan(3, List.of(), List.of(1), 0, 0, BUCKET, PREFIX).assignments())
                .isEmpty();
    }

    @Test
    void ordersNumericBooksByValueThenTheRestByText() {
        List<String> books = new ArrayList<>(List.of("10", "b", "2", "a", "1"));
        books.sort(AssignmentPlanner::compareBooks);
        assertThat(books).containsExactly("1", "2", "10", "a", "b");
    }
}
