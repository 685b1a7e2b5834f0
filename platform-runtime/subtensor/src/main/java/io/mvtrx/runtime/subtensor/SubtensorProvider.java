package io.mvtrx.runtime.subtensor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.chain.ChainBackendProvider;
import io.mvtrx.api.spi.chain.ChainException;
import io.mvtrx.runtime.bittensor.keys.Sr25519Keypair;
import io.mvtrx.runtime.bittensor.keys.wallet.BtWallets;
import io.mvtrx.runtime.bittensor.keys.wallet.KeyfileCodec;
import io.mvtrx.runtime.bittensor.keys.wallet.KeyfileException;

/**
 * Provides {@code subtensor}: Bittensor's chain, writes signed by a btwallet hotkey (an encrypted hotkey's password
 * comes from its {@code BT_PW_…} variable, as btwallet reads it). Public no-argument constructor: ServiceLoader needs
 * it.
 */
public final class SubtensorProvider implements ChainBackendProvider {

    private static final ParameterSchema PARAMETERS = ParameterSchema.of(
            Parameter.optional("network", ParameterType.STRING, "finney",
                    "finney, test, local (ws://127.0.0.1:9944), or a ws:// or wss:// URL"),
            Parameter.optional("wallet", ParameterType.STRING, null, "btwallet wallet (coldkey) name"),
            Parameter.optional("hotkey", ParameterType.STRING, null, "hotkey under the wallet; it signs every write"),
            Parameter.optional("walletDir", ParameterType.STRING, null,
                    "wallet root (default $BT_WALLET_PATH or ~/.bittensor/wallets)"),
            Parameter.optional("timeoutMillis", ParameterType.INTEGER, "30000", "per-request timeout"),
            Parameter.optional("attempts", ParameterType.INTEGER, "3", "tries per request on connection failures"),
            Parameter.optional("versionKey", ParameterType.INTEGER, "-1",
                    "version_key sent with weights; -1: the subnet's WeightsVersionKey"));

    public SubtensorProvider() {
    }

    @Override
    public String name() {
        return "subtensor";
    }

    @Override
    public String description() {
        return "Bittensor's chain (finney, test, or a node URL) over JSON-RPC/WebSocket; writes signed by a hotkey";
    }

    @Override
    public ParameterSchema parameters() {
        return PARAMETERS;
    }

    @Override
    public ChainBackend create(Settings settings) {
        var endpoint = SubtensorNetwork.resolve(settings.string("network", "finney"));
        Optional<Sr25519Keypair> hotkey = Optional.empty();
        if (settings.has("wallet") || settings.has("hotkey")) {
            String wallet = settings.string("wallet", BtWallets.DEFAULT_WALLET);
            String name = settings.string("hotkey", BtWallets.DEFAULT_HOTKEY);
            BtWallets wallets = new BtWallets(settings.attribute("walletDir").map(Path::of).orElseGet(() ->
                    BtWallets.defaultRoot(System.getenv(), Path.of(System.getProperty("user.home")))));
            try {
                hotkey = Optional.of(wallets.hotkey(wallet, name, KeyfileCodec.environmentPasswords(System.getenv()))
                        .keypair().orElseThrow(() -> new ChainException("hotkey %s/%s under %s holds no secret key",
                                wallet, name, wallets.root())));
            } catch (KeyfileException e) {
                throw new ChainException("hotkey %s/%s under %s: %s", wallet, name, wallets.root(), e.getMessage());
            }
        }
        SubtensorOptions options = SubtensorOptions.DEFAULTS
                .withTimeout(Duration.ofMillis(settings.longValue("timeoutMillis", 30_000)))
                .withRetries(settings.intValue("attempts", 3), SubtensorOptions.DEFAULTS.firstBackoff())
                .withVersionKey(settings.longValue("versionKey", -1));
        return SubtensorChain.connect(endpoint, hotkey, options);
    }
}
