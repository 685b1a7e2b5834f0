package io.mvtrx.runtime.gentrx.storage;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageNameTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void tagsAreDaysHoursMinutesSecondsOfSimulationTime() {
        assertThat(PageName.tag(0)).isEqualTo("00000000");
        assertThat(PageName.tag(300 * SECOND)).isEqualTo("00000500");
        assertThat(PageName.tag(999_999_999)).isEqualTo("00000000");
        assertThat(PageName.tag((6 * 86_400 + 23 * 3_600 + 59 * 60 + 59) * SECOND + 1)).isEqualTo("06235959");
        assertThat(PageName.tag(100L * 86_400 * SECOND)).isEqualTo("100000000");
    }

    @Test
    void aFileNameJoinsTheTagsAndTheDuplicateSuffix() {
        PageName page = PageName.of(3_600 * SECOND, 3_899 * SECOND);

        assertThat(page.fileName()).isEqualTo("00010000-00010459.parquet");
        assertThat(page.withDuplicate(1).fileName()).isEqualTo("00010000-00010459_0001.parquet");
        assertThat(page.withDuplicate(12).fileName()).isEqualTo("00010000-00010459_0012.parquet");
    }

    @Test
    void parsingStripsTheSuffixAndAcceptsPlainIntegerTags() {
        assertThat(PageName.parse("00010000-00010459_0002.parquet")).isEqualTo(new PageName("00010000", "00010459", 2));
        assertThat(PageName.parse("00010000-00010459.parquet")).isEqualTo(new PageName("00010000", "00010459", 0));
        assertThat(PageName.parse("3600-3899.parquet")).isEqualTo(new PageName("3600", "3899", 0));
    }

    @Test
    void otherFileNamesAreRefusedByName() {
        assertThatThrownBy(() -> PageName.parse("00010000-00010459.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'00010000-00010459.csv' is not a page name (<ddHHMMSS>-<ddHHMMSS>[_NNNN].parquet)");
        assertThatThrownBy(() -> PageName.parse("00010000-00010459_0000.parquet"))
                .hasMessage("'00010000-00010459_0000.parquet' has the suffix _0000, which is never written");
        assertThatThrownBy(() -> PageName.of(5 * SECOND, 4 * SECOND))
                .hasMessage("page ends (4000000000 ns) before it starts (5000000000 ns)");
        assertThatThrownBy(() -> PageName.tag(-1)).hasMessage("simulation time must not be negative, got -1 ns");
        assertThatThrownBy(() -> PageName.seconds("00016000")).hasMessage(
                "'00016000' is not a ddHHMMSS tag (HH < 24, MM < 60, SS < 60)");
        assertThatThrownBy(() -> PageName.seconds("3600")).hasMessage("'3600' is not a ddHHMMSS tag");
    }

    @Property(tries = 300)
    void aTagReadsBackAsTheWholeSecond(@ForAll @LongRange(min = 0, max = 99L * 86_400 * SECOND) long nanos) {
        assertThat(PageName.seconds(PageName.tag(nanos))).isEqualTo(nanos / SECOND);
    }

    @Property(tries = 300)
    void namesSortInTimeOrderUnderAHundredDays(
            @ForAll @LongRange(min = 0, max = 99L * 86_400 * SECOND) long first,
            @ForAll @LongRange(min = 0, max = 99L * 86_400 * SECOND) long second) {
        String a = PageName.of(first, first).fileName();
        String b = PageName.of(second, second).fileName();

        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Long.signum(first / SECOND - second / SECOND));
    }

    @Property(tries = 200)
    void aFileNameParsesBackToItsPage(@ForAll @LongRange(min = 0, max = 50L * 86_400 * SECOND) long first,
            @ForAll @LongRange(min = 0, max = 86_400 * SECOND) long length,
            @ForAll @LongRange(min = 0, max = 9999) long duplicate) {
        PageName page = PageName.of(first, first + length);
        PageName named = duplicate == 0 ? page : page.withDuplicate((int) duplicate);

        assertThat(PageName.parse(named.fileName())).isEqualTo(named);
    }
}
