package io.mvtrx.runtime.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/** Collects configuration problems while a document is checked. Not thread-safe; one per validation. */
final class Problems {

    private final LinkedHashSet<ConfigProblem> problems = new LinkedHashSet<>();

    /** A problem located at an element's start tag. */
    void add(SourceElement at, String message) {
        problems.add(new ConfigProblem(at.line(), at.column(), at.path(), message));
    }

    /**
     * A message from {@link io.mvtrx.api.settings.ParameterSchema#check}, which starts with the element's settings
     * path; that prefix is replaced by the element's own (sibling-indexed) path and its position.
     */
    void addCheck(SourceElement at, String message) {
        String prefix = at.settings().path() + ": ";
        add(at, message.startsWith(prefix) ? message.substring(prefix.length()) : message);
    }

    void add(ConfigProblem problem) {
        problems.add(problem);
    }

    /** Problems recorded so far; compare before and after checking an element to see whether it was clean. */
    int count() {
        return problems.size();
    }

    /** Every distinct problem, sorted by position (stable: one element's problems keep their order). */
    List<ConfigProblem> sorted() {
        List<ConfigProblem> list = new ArrayList<>(problems);
        list.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
        return List.copyOf(list);
    }
}
