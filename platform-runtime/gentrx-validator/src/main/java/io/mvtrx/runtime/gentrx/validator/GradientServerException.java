package io.mvtrx.runtime.gentrx.validator;

import java.io.IOException;

/** A gradient server call that failed; {@code terminal} when retrying cannot help (a 4xx answer). */
public final class GradientServerException extends IOException {

    private final boolean terminal;

    GradientServerException(String message, boolean terminal) {
        super(message);
        this.terminal = terminal;
    }

    public boolean terminal() {
        return terminal;
    }
}
