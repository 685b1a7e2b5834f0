package io.mvtrx.runtime.gentrx.miner.credentials;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Required credentials were not given; the message names them and the three ways to give them, never a value. */
public final class MissingCredentialsException extends IllegalStateException {

    private final List<CredentialField> missing;

    public MissingCredentialsException(List<CredentialField> missing, Path file) {
        super(message(missing, file));
        this.missing = List.copyOf(missing);
    }

    public List<CredentialField> missing() {
        return missing;
    }

    private static String message(List<CredentialField> missing, Path file) {
        return "GenTRX miner credentials missing: "
                + missing.stream().map(CredentialField::propertyKey).collect(Collectors.joining(", "))
                + ". Give them as flags (" + missing.stream().map(CredentialField::flag)
                .collect(Collectors.joining(", ")) + "), in the environment ("
                + missing.stream().map(CredentialField::environmentVariable).collect(Collectors.joining(", "))
                + ") or in " + file + " (keys "
                + missing.stream().map(CredentialField::propertyKey).collect(Collectors.joining(", "))
                + "), or run once at a terminal to be asked";
    }
}
