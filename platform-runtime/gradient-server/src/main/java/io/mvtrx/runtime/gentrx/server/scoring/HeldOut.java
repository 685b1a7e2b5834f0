package io.mvtrx.runtime.gentrx.server.scoring;

import java.util.List;

/**
 * A round's held-out pages and the scoring model's loss on them, computed once per (round, model version) and shared
 * by every gradient of the round (the reference's "single pass").
 */
public record HeldOut(List<String> pageKeys, double baseline) {

    public HeldOut {
        pageKeys = List.copyOf(pageKeys);
    }

    public boolean empty() {
        return pageKeys.isEmpty();
    }
}
