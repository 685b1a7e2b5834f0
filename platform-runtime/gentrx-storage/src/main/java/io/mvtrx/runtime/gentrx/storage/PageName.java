package io.mvtrx.runtime.gentrx.storage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file name of one data page: {@code <tag(first ts)>-<tag(last ts)>[_NNNN].parquet}, where a tag is
 * {@code ddHHMMSS} of simulation seconds (two-digit days) and {@code _NNNN} (0001, 0002, ...) tells apart pages
 * whose tags collide within a book (reference gentrx.md §3.4). Names of one book sort chronologically as text while
 * the simulation stays under 100 days. Parsing also accepts plain integer tags, kept as text.
 *
 * @param firstTag  tag of the page's first event
 * @param lastTag   tag of the page's last event
 * @param duplicate 0 for none, else the {@code _NNNN} suffix (1 to 9999)
 */
public record PageName(String firstTag, String lastTag, int duplicate) {

    /** The extension every page has. */
    public static final String EXTENSION = ".parquet";

    private static final Pattern FILE_NAME = Pattern.compile("([0-9]+)-([0-9]+)(?:_([0-9]{4}))?\\.parquet");
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    public PageName {
        require(firstTag != null && !firstTag.isEmpty() && firstTag.chars().allMatch(Character::isDigit),
                "first tag must be digits, got '%s'", firstTag);
        require(lastTag != null && !lastTag.isEmpty() && lastTag.chars().allMatch(Character::isDigit),
                "last tag must be digits, got '%s'", lastTag);
        require(duplicate >= 0 && duplicate <= 9999, "duplicate suffix must be 0 to 9999, got %d", duplicate);
    }

    /** The name of a page spanning two simulation timestamps (nanoseconds). */
    public static PageName of(long firstNanos, long lastNanos) {
        require(lastNanos >= firstNanos, "page ends (%d ns) before it starts (%d ns)", lastNanos, firstNanos);
        return new PageName(tag(firstNanos), tag(lastNanos), 0);
    }

    /** The same page with a {@code _NNNN} suffix, used when its plain name already exists in the book. */
    public PageName withDuplicate(int suffix) {
        require(suffix >= 1 && suffix <= 9999, "duplicate suffix must be 1 to 9999, got %d", suffix);
        return new PageName(firstTag, lastTag, suffix);
    }

    /** {@code 00013000-00013500.parquet}, {@code 00013000-00013500_0001.parquet}. */
    public String fileName() {
        return firstTag + "-" + lastTag + (duplicate == 0 ? "" : String.format("_%04d", duplicate)) + EXTENSION;
    }

    /**
     * Parses a page file name.
     *
     * @throws IllegalArgumentException naming the file when it is not a page name
     */
    public static PageName parse(String fileName) {
        Matcher matcher = FILE_NAME.matcher(fileName);
        require(matcher.matches(), "'%s' is not a page name (<ddHHMMSS>-<ddHHMMSS>[_NNNN].parquet)", fileName);
        int duplicate = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        require(matcher.group(3) == null || duplicate > 0, "'%s' has the suffix _0000, which is never written",
                fileName);
        return new PageName(matcher.group(1), matcher.group(2), duplicate);
    }

    /** The {@code ddHHMMSS} tag of a simulation timestamp: whole seconds, split into days, hours, minutes, seconds. */
    public static String tag(long simNanos) {
        require(simNanos >= 0, "simulation time must not be negative, got %d ns", simNanos);
        long seconds = simNanos / NANOS_PER_SECOND;
        return String.format("%02d%02d%02d%02d", seconds / 86_400, seconds / 3_600 % 24, seconds / 60 % 60,
                seconds % 60);
    }

    /**
     * The simulation second a {@code ddHHMMSS} tag stands for (days are every digit before the last six).
     *
     * @throws IllegalArgumentException for a tag shorter than 8 digits or with hours, minutes or seconds out of range
     */
    public static long seconds(String tag) {
        require(tag.length() >= 8 && tag.chars().allMatch(Character::isDigit),
                "'%s' is not a ddHHMMSS tag", tag);
        int split = tag.length() - 6;
        long days = Long.parseLong(tag.substring(0, split));
        int hours = Integer.parseInt(tag.substring(split, split + 2));
        int minutes = Integer.parseInt(tag.substring(split + 2, split + 4));
        int secs = Integer.parseInt(tag.substring(split + 4));
        require(hours < 24 && minutes < 60 && secs < 60, "'%s' is not a ddHHMMSS tag (HH < 24, MM < 60, SS < 60)",
                tag);
        return days * 86_400 + hours * 3_600L + minutes * 60L + secs;
    }

    private static void require(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(format, args));
        }
    }
}
