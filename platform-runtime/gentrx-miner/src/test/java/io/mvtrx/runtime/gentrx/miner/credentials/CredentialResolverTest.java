package io.mvtrx.runtime.gentrx.miner.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.mvtrx.runtime.gentrx.miner.credentials.CredentialField.ACCESS_KEY;
import static io.mvtrx.runtime.gentrx.miner.credentials.CredentialField.ACCOUNT_ID;
import static io.mvtrx.runtime.gentrx.miner.credentials.CredentialField.READ_ACCESS_KEY;
import static io.mvtrx.runtime.gentrx.miner.credentials.CredentialField.READ_SECRET_KEY;
import static io.mvtrx.runtime.gentrx.miner.credentials.CredentialField.REGION;
import static io.mvtrx.runtime.gentrx.miner.credentials.CredentialField.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialResolverTest {

    static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
    static final String WRITE_SECRET = "write-secret-value-0001";
    static final String READ_KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    static final String READ_SECRET = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ+/";

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("home/.mvtrx/gentrx-credentials.properties");
    }

    private static Map<CredentialField, String> complete() {
        Map<CredentialField, String> values = new EnumMap<>(CredentialField.class);
        values.put(ACCOUNT_ID, ACCOUNT);
        values.put(ACCESS_KEY, "write-key-from-file");
        values.put(SECRET_KEY, WRITE_SECRET);
        values.put(READ_ACCESS_KEY, READ_KEY);
        values.put(READ_SECRET_KEY, READ_SECRET);
        return values;
    }

    @Test
    void flagsWinOverEnvironmentWhichWinsOverTheFile() throws IOException {
        CredentialsFile.write(file(), complete());
        Map<String, String> env = new HashMap<>();
        env.put("GENTRX_AGENT_S3_ACCESS_KEY", "write-key-from-env");
        env.put("GENTRX_AGENT_S3_REGION", "region-from-env");
        Map<CredentialField, String> flags = Map.of(REGION, "region-from-flag");

        MinerCredentials credentials = new CredentialResolver(flags, env::get, file(), Optional.empty()).resolve();

        assertThat(credentials.get(REGION)).contains("region-from-flag");
        assertThat(credentials.get(ACCESS_KEY)).contains("write-key-from-env");
        assertThat(credentials.get(SECRET_KEY)).contains(WRITE_SECRET);
        assertThat(credentials.writeBucket().endpoint())
                .isEqualTo("https://0123456789abcdef0123456789abcdef.r2.cloudflarestorage.com");
        assertThat(credentials.writeBucket().region()).isEqualTo("region-from-flag");
        assertThat(credentials.writeBucket().accessKey()).isEqualTo("write-key-from-env");
        assertThat(credentials.readBucket().secretKey()).isEqualTo(READ_SECRET);
        assertThat(credentials.commitment().encode()).isEqualTo(ACCOUNT + READ_KEY + READ_SECRET);
    }

    @Test
    void missingValuesWithoutATerminalNameThemAndTheThreeWaysButNoValue() {
        Map<String, String> env = Map.of("GENTRX_AGENT_S3_ACCOUNT_ID", ACCOUNT,
                "GENTRX_AGENT_S3_SECRET_KEY", WRITE_SECRET);

        assertThatThrownBy(() -> new CredentialResolver(Map.of(), env::get, file(), Optional.empty()).resolve())
                .isInstanceOf(MissingCredentialsException.class)
                .hasMessage("GenTRX miner credentials missing: access_key, read_access_key, read_secret_key. Give "
                        + "them as flags (--gtx-s3-access-key, --gtx-s3-read-access-key, --gtx-s3-read-secret-key), "
                        + "in the environment (GENTRX_AGENT_S3_ACCESS_KEY, GENTRX_AGENT_S3_READ_ACCESS_KEY, "
                        + "GENTRX_AGENT_S3_READ_SECRET_KEY) or in " + file() + " (keys access_key, read_access_key, "
                        + "read_secret_key), or run once at a terminal to be asked")
                .message().doesNotContain(WRITE_SECRET).doesNotContain(ACCOUNT);
        assertThat(Files.exists(file())).isFalse();
    }

    @Test
    void atATerminalAsksForWhatIsMissingSecretsWithoutEchoAndSavesOwnerOnly() throws IOException {
        var person = new ScriptedPrompter(List.of(ACCOUNT, "write-key"), List.of(WRITE_SECRET, READ_SECRET),
                READ_KEY);

        MinerCredentials credentials = new CredentialResolver(Map.of(), name -> null, file(),
                Optional.of(person)).resolve();

        assertThat(person.echoed).containsExactly(
                "account id (R2: 32 hex digits; storj:<bucket>; else the Hippius account): ",
                "write access key id: ",
                "read access key id (32 characters; committed on chain): ");
        assertThat(person.hidden).containsExactly("write secret access key: ",
                "read secret access key (64 characters; committed on chain): ");
        assertThat(person.said).last().isEqualTo("Saved to " + file() + " (readable by you only).");
        assertThat(Files.getPosixFilePermissions(file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(CredentialsFile.read(file())).isEqualTo(credentials.values());
        assertThat(credentials.get(SECRET_KEY)).contains(WRITE_SECRET);
        assertThat(String.join("\n", person.said)).doesNotContain(WRITE_SECRET).doesNotContain(READ_SECRET);
    }

    @Test
    void rewritingAWidelyReadableFileLeavesItOwnerOnly() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "region=old\n");
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));

        CredentialsFile.write(file(), complete());

        assertThat(Files.getPosixFilePermissions(file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(CredentialsFile.read(file())).isEqualTo(complete());
        try (var files = Files.list(file().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("gentrx-credentials.properties");
        }
    }

    @Test
    void aFileWithAnUnknownKeyIsRefusedNamingFileAndKey() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "acount_id=x\n");

        assertThatThrownBy(() -> CredentialsFile.read(file()))
                .hasMessageStartingWith(file() + ": unknown key 'acount_id'; known: provider, bucket, account_id");
    }

    @Test
    void toStringShowsNamesAndKeyIdsButNoSecret() {
        MinerCredentials credentials = new MinerCredentials(complete());

        assertThat(credentials.toString()).isEqualTo("MinerCredentials[account_id=" + ACCOUNT
                + ", access_key=write-key-from-file, secret_key=***, read_access_key=" + READ_KEY
                + ", read_secret_key=***]");
        assertThat(credentials.writeBucket().toString()).doesNotContain(WRITE_SECRET);
        assertThat(credentials.readBucket().toString()).doesNotContain(READ_SECRET);
        assertThat(credentials.commitment().toString()).doesNotContain(READ_SECRET);
    }

    /** Answers prompts from a script and records what was asked. */
    static final class ScriptedPrompter implements Prompter {
        final Deque<String> lines;
        final Deque<String> secrets;
        final String lastLine;
        final List<String> echoed = new ArrayList<>();
        final List<String> hidden = new ArrayList<>();
        final List<String> said = new ArrayList<>();

        ScriptedPrompter(List<String> lines, List<String> secrets, String lastLine) {
            this.lines = new ArrayDeque<>(lines);
            this.secrets = new ArrayDeque<>(secrets);
            this.lastLine = lastLine;
        }

        @Override
        public String readLine(String prompt) {
            echoed.add(prompt);
            return lines.isEmpty() ? lastLine : lines.poll();
        }

        @Override
        public char[] readSecret(String prompt) {
            hidden.add(prompt);
            return secrets.poll().toCharArray();
        }

        @Override
        public void say(String message) {
            said.add(message);
        }
    }
}
