package io.mvtrx.runtime.gentrx.miner.credentials;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the miner's credentials. Each field comes from the first of: explicit values (flags), the environment
 * ({@code GENTRX_AGENT_S3_*}), the properties file. When required fields are still missing and a person is at a
 * terminal, asks for them (secrets without echo), saves everything to the file owner-only and says where; without a
 * terminal, fails with one message naming the missing fields and the three ways to give them. No message ever holds
 * a value.
 */
public final class CredentialResolver {

    private final Map<CredentialField, String> explicit;
    private final Function<String, String> environment;
    private final Path file;
    private final Optional<Prompter> prompter;

    /**
     * @param explicit    values given as flags
     * @param environment the environment ({@code System::getenv} in production)
     * @param file        the properties file
     * @param prompter    a terminal to ask on, if any
     */
    public CredentialResolver(Map<CredentialField, String> explicit, Function<String, String> environment, Path file,
                              Optional<Prompter> prompter) {
        this.explicit = Map.copyOf(explicit);
        this.environment = environment;
        this.file = file;
        this.prompter = prompter;
    }

    /**
     * @throws MissingCredentialsException naming what is missing and the three ways to give it
     * @throws IOException                 naming the file when it cannot be read or written
     */
    public MinerCredentials resolve() throws IOException {
        Map<CredentialField, String> fromFile = CredentialsFile.read(file);
        Map<CredentialField, String> values = new EnumMap<>(CredentialField.class);
        for (CredentialField field : CredentialField.values()) {
            first(explicit.get(field), environment.apply(field.environmentVariable()), fromFile.get(field))
                    .ifPresent(value -> values.put(field, value));
        }
        List<CredentialField> missing = missing(values);
        if (missing.isEmpty()) {
            return new MinerCredentials(values);
        }
        if (prompter.isEmpty()) {
            throw new MissingCredentialsException(missing, file);
        }
        Prompter person = prompter.get();
        person.say("GenTRX training needs your bucket credentials (asked once, saved to " + file + ").");
        for (CredentialField field : missing) {
            String prompt = field.description() + ": ";
            String value = field.secret() ? text(person.readSecret(prompt)) : person.readLine(prompt);
            if (value == null || value.isBlank()) {
                throw new MissingCredentialsException(List.of(field), file);
            }
            values.put(field, value.strip());
        }
        MinerCredentials credentials = new MinerCredentials(values);
        CredentialsFile.write(file, credentials.values());
        person.say("Saved to " + file + " (readable by you only).");
        return credentials;
    }

    private static List<CredentialField> missing(Map<CredentialField, String> values) {
        List<CredentialField> missing = new ArrayList<>();
        for (CredentialField field : CredentialField.values()) {
            if (field.required() && !values.containsKey(field)) {
                missing.add(field);
            }
        }
        return missing;
    }

    private static Optional<String> first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return Optional.of(candidate.strip());
            }
        }
        return Optional.empty();
    }

    private static String text(char[] secret) {
        if (secret == null) {
            return null;
        }
        String value = new String(secret);
        Arrays.fill(secret, '\0');
        return value;
    }
}
