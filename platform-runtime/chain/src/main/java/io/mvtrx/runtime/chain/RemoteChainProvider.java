package io.mvtrx.runtime.chain;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.chain.ChainBackendProvider;
import io.mvtrx.runtime.wallet.Keypair;
import io.mvtrx.runtime.wallet.WalletStore;

/**
 * Provides {@code remote}: a chain served by {@code mvtrx chain} elsewhere, writes signed with a wallet hotkey.
 * Public no-argument constructor: ServiceLoader needs it.
 */
public final class RemoteChainProvider implements ChainBackendProvider {

    private static final ParameterSchema PARAMETERS = ParameterSchema.of(
            Parameter.required("url", ParameterType.STRING, "chain server root, e.g. http://10.0.0.5:9944"),
            Parameter.optional("wallet", ParameterType.STRING, null, "coldkey name whose hotkey signs writes"),
            Parameter.optional("hotkey", ParameterType.STRING, null, "hotkey name under the wallet"),
            Parameter.optional("walletDir", ParameterType.STRING, null, "wallet root (default ~/.mvtrx/wallets)"),
            Parameter.optional("timeoutMillis", ParameterType.INTEGER, "5000", "per-request timeout"));

    public RemoteChainProvider() {
    }

    @Override
    public String name() {
        return "remote";
    }

    @Override
    public String description() {
        return "a chain served by `mvtrx chain` on another host";
    }

    @Override
    public ParameterSchema parameters() {
        return PARAMETERS;
    }

    @Override
    public ChainBackend create(Settings settings) {
        WalletStore wallets = settings.attribute("walletDir").map(d -> new WalletStore(Path.of(d)))
                .orElseGet(WalletStore::defaultStore);
        Keypair signer = settings.has("wallet") && settings.has("hotkey")
                ? wallets.hotkey(settings.string("wallet"), settings.string("hotkey")) : null;
        return new RemoteChainBackend(URI.create(settings.string("url")), signer, InstantSource.system(),
                Duration.ofMillis(settings.longValue("timeoutMillis", 5000)));
    }
}
