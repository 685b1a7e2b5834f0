package io.mvtrx.runtime.gentrx.delta.frame;

import java.util.Objects;

/**
 * A checkpoint, gradient or version delta that a reader refused. The message names the file (its key or path), the
 * tensor or member at fault and the values found, so one log line explains the rejection.
 */
public final class TensorFileException extends RuntimeException {

    private final Defect defect;

    public TensorFileException(Defect defect, String source, String detail) {
        super(source + ": " + detail);
        this.defect = Objects.requireNonNull(defect, "defect");
    }

    public Defect defect() {
        return defect;
    }
}
