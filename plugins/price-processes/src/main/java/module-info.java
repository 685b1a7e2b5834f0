import io.mvtrx.api.spi.process.PriceProcessProvider;
import io.mvtrx.plugin.process.ExternalPriceProvider;
import io.mvtrx.plugin.process.FundamentalPriceProvider;
import io.mvtrx.plugin.process.FuturesSignalProvider;
import io.mvtrx.plugin.process.GbmProvider;
import io.mvtrx.plugin.process.MagneticFieldProvider;

/** Built-in price processes: FundamentalPrice, FuturesSignal, MagneticField, GBM, ExternalPrice. */
module io.mvtrx.plugin.process {
    requires io.mvtrx.api;

    provides PriceProcessProvider with
            FundamentalPriceProvider,
            FuturesSignalProvider,
            MagneticFieldProvider,
            GbmProvider,
            ExternalPriceProvider;
}
