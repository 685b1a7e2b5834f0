package io.mvtrx.runtime.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.number.Rate;
import io.mvtrx.api.number.Scale;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.ExtensionPoint;
import io.mvtrx.api.spi.PluginProvider;
import io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider;
import io.mvtrx.api.spi.balances.BalanceDistributionProvider;
import io.mvtrx.api.spi.fees.FeePolicyProvider;
import io.mvtrx.api.spi.matching.MatchingRuleProvider;
import io.mvtrx.api.spi.process.PriceProcessProvider;
import io.mvtrx.runtime.plugins.PluginCatalog;

/**
 * Checks a document tree and binds it to a {@link SimulationConfig}, in one walk that never stops at the first
 * problem: core attributes against {@link CoreSchemas} and their ranges, element structure, every plugin name
 * against the catalog, and every resolved plugin's own {@code parameters()} schema against its element. Each
 * binding method returns empty once anything inside its element was wrong; the problems say why.
 *
 * <p>Not thread-safe; one per validation. Cost: linear in the document, one catalog lookup per plugin name.
 */
final class ConfigBinder {

    static final String SIMULATION = "Simulation";
    static final String AGENTS = "Agents";
    static final String EXCHANGE = "MultiBookExchangeAgent";
    static final String PROXY = "DistributedProxyAgent";
    static final String FEE_POLICY = "FeePolicy";
    static final String BOOKS = "Books";
    static final String PROCESSES = "Processes";
    static final String BALANCES = "Balances";
    static final String LOGGING = "Logging";
    static final String BASE = "Base";
    static final String QUOTE = "Quote";
    static final String L2 = "L2";
    static final String L3 = "L3";
    static final String FEE_LOG = "FeeLog";
    static final String REPLAY = "Replay";

    /** {@code <Logging startDate>} format, e.g. {@code 2025-05-07 00:00:00}. */
    static final DateTimeFormatter START_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    private final PluginCatalog catalog;
    private final Problems problems = new Problems();

    ConfigBinder(PluginCatalog catalog) {
        this.catalog = catalog;
    }

    /** Every problem found so far, sorted by position. */
    List<ConfigProblem> problems() {
        return problems.sorted();
    }

    /** Checks and binds a document; empty when anything is wrong (see {@link #problems()}). */
    Optional<SimulationConfig> bind(SourceElement root) {
        if (!root.name().equals(SIMULATION)) {
            problems.add(root, String.format("the root element must be <%s>, got <%s>", SIMULATION, root.name()));
            return Optional.empty();
        }
        ElementReader simulation = new ElementReader(root, CoreSchemas.SIMULATION, problems);
        Optional<String> id = simulation.string("id");
        long start = simulation.integer("start", 0, Long.MAX_VALUE);
        long step = simulation.integer("step", 1, Long.MAX_VALUE);
        long duration = simulation.integer("duration", 1, Long.MAX_VALUE);
        if (simulation.valid("step") && simulation.valid("duration") && step > duration) {
            simulation.violation("step", String.format("<= duration (%d)", duration));
        }
        String timescale = simulation.string("timescale").orElse(SimulationConfig.TIMESCALE);
        if (!timescale.equals(SimulationConfig.TIMESCALE)) {
            simulation.violation("timescale", "'ns' (the only time unit MVTRX supports)");
        }
        long logWindow = simulation.integer("logWindow", 0, Long.MAX_VALUE);
        if (logWindow != 0
                && (logWindow < SimulationConfig.MIN_LOG_WINDOW || logWindow > SimulationConfig.MAX_LOG_WINDOW)) {
            simulation.violation("logWindow", String.format("0 or within %d..%d (1 s..99 days)",
                    SimulationConfig.MIN_LOG_WINDOW, SimulationConfig.MAX_LOG_WINDOW));
        }
        int blockCount = simulation.intValue("blockCount", 1, Integer.MAX_VALUE);
        long seed = simulation.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        CheckpointConfig checkpoint = new CheckpointConfig(
                simulation.intValue("ckptIntervalInSteps", 0, Integer.MAX_VALUE),
                simulation.intValue("ckptNumLastFilesToKeep", 1, Integer.MAX_VALUE),
                simulation.bool("ckptMeasureWallClockTime"),
                simulation.intValue("ckptNumWorkers", 1, Integer.MAX_VALUE));
        simulation.optionalInteger("port", 0, 65_535);

        allowChildren(root, List.of(AGENTS));
        Optional<SourceElement> agentsElement = root.child(AGENTS);
        if (agentsElement.isEmpty()) {
            simulation.problem(String.format("missing required element <%s>", AGENTS));
            return Optional.empty();
        }
        SourceElement agents = agentsElement.get();

        List<SourceElement> exchanges = agents.children(EXCHANGE);
        Optional<ExchangeConfig> exchange = Optional.empty();
        Optional<String> exchangeName = Optional.empty();
        if (exchanges.isEmpty()) {
            problems.add(agents, String.format("missing required element <%s>", EXCHANGE));
        } else {
            onlyOnce(exchanges);
            exchangeName = exchanges.getFirst().settings().attribute("name");
            exchange = exchange(exchanges.getFirst());
        }
        if (exchange.isPresent() && (long) blockCount * exchange.get().books().instanceCount() > Integer.MAX_VALUE) {
            simulation.problem(String.format(
                    "blockCount x Books instanceCount must be <= %d, got %d x %d",
                    Integer.MAX_VALUE, blockCount, exchange.get().books().instanceCount()));
        }
        List<SourceElement> proxies = agents.children(PROXY);
        onlyOnce(proxies);

        List<AgentGroupConfig> groups = new ArrayList<>();
        Map<String, SourceElement> groupsByName = new HashMap<>();
        for (SourceElement child : agents.children()) {
            if (child.name().equals(EXCHANGE) || child.name().equals(PROXY)) {
                continue;
            }
            agentGroup(child, exchangeName).ifPresent(groups::add);
            child.settings().attribute("name").ifPresent(name -> {
                SourceElement first = groupsByName.putIfAbsent(name, child);
                if (first != null) {
                    problems.add(child, String.format("duplicate agent name '%s'; first at line %d",
                            name, first.line()));
                }
            });
        }
        if (problems.count() > 0) {
            return Optional.empty();
        }
        ExchangeConfig bound = exchange.orElseThrow();
        return build(root, () -> new SimulationConfig(id, start, step, duration, logWindow, timescale, blockCount,
                seed, checkpoint, bound, groups, !proxies.isEmpty(), root.settings()));
    }

    private Optional<ExchangeConfig> exchange(SourceElement element) {
        ElementReader exchange = new ElementReader(element, CoreSchemas.EXCHANGE, problems);
        String name = exchange.string("name").orElse("");
        int remoteAgentCount = exchange.intValue("remoteAgentCount", 0, Integer.MAX_VALUE);
        long gracePeriod = exchange.integer("gracePeriod", 0, Long.MAX_VALUE);
        OptionalLong price = exchange.optionalInteger("priceDecimals", 0, 18);
        OptionalLong volume = exchange.optionalInteger("volumeDecimals", 0, 18);
        OptionalLong base = exchange.optionalInteger("baseDecimals", 0, 18);
        OptionalLong quote = exchange.optionalInteger("quoteDecimals", 0, 18);
        Optional<BigDecimal> maxLeverage = exchange.nonNegativeDecimal("maxLeverage");
        Optional<BigDecimal> maxLoan = exchange.nonNegativeDecimal("maxLoan");
        Optional<BigDecimal> margin = exchange.nonNegativeDecimal("maintenanceMargin");
        if (maxLeverage.isPresent() && margin.isPresent()
                && !ExchangeConfig.maintenanceMarginAllowed(margin.get(), maxLeverage.get())) {
            exchange.violation("maintenanceMargin", String.format("<= 1/(2*(1+maxLeverage)) = %s for maxLeverage %s",
                    ExchangeConfig.maintenanceMarginBound(maxLeverage.get()).toPlainString(),
                    maxLeverage.get().toPlainString()));
        }
        int maxOpenOrders = (int) exchange.optionalInteger("maxOpenOrders", 1, Integer.MAX_VALUE)
                .orElse(ExchangeConfig.UNLIMITED_OPEN_ORDERS);
        Optional<BigDecimal> initialPrice = exchange.decimal("initialPrice");
        Optional<BigDecimal> minOrderSize = exchange.nonNegativeDecimal("minOrderSize");

        BookDecimals decimals = BookDecimals.REFERENCE;
        long scaledLeverage = 0;
        long scaledLoan = 0;
        long scaledMargin = 0;
        long scaledPrice = 1;
        long scaledMinOrderSize = 1;
        if (price.isPresent() && volume.isPresent() && base.isPresent() && quote.isPresent()) {
            decimals = BookDecimals.of((int) price.getAsLong(), (int) volume.getAsLong(), (int) base.getAsLong(),
                    (int) quote.getAsLong());
            scaledLeverage = scaled(exchange, "maxLeverage", maxLeverage, decimals.volume(), "volume");
            scaledLoan = scaled(exchange, "maxLoan", maxLoan, decimals.quote(), "quote");
            scaledPrice = scaled(exchange, "initialPrice", initialPrice, decimals.price(), "price");
            if (initialPrice.isPresent() && scaledPrice < 1) {
                exchange.violation("initialPrice", String.format("at least one tick (%s at %d price decimals)",
                        decimals.price().format(1), decimals.price().decimals()));
            }
            if (minOrderSize.isPresent()) {
                // the reference truncates to 8 decimals, then never goes below one lot
                BigDecimal truncated = minOrderSize.get().setScale(Rate.SCALE.decimals(), RoundingMode.DOWN);
                scaledMinOrderSize = Math.max(1,
                        scaled(exchange, "minOrderSize", Optional.of(truncated), decimals.volume(), "volume"));
            }
        }
        if (margin.isPresent() && maxLeverage.isPresent()
                && ExchangeConfig.maintenanceMarginAllowed(margin.get(), maxLeverage.get())) {
            scaledMargin = scaled(exchange, "maintenanceMargin", margin, Rate.SCALE, "rate");
        }

        allowChildren(element, List.of(FEE_POLICY, BOOKS, BALANCES, LOGGING));
        Optional<FeePolicyConfig> feePolicy = element.child(FEE_POLICY)
                .map(this::feePolicy)
                .orElseGet(() -> defaultFeePolicy(element));
        Optional<BooksConfig> books = required(exchange, BOOKS).flatMap(this::books);
        Optional<BalancesConfig> balances = required(exchange, BALANCES).flatMap(this::balances);
        Optional<LoggingConfig> logging = element.child(LOGGING)
                .map(this::logging)
                .orElse(Optional.of(LoggingConfig.OFF));
        if (!exchange.clean()) {
            return Optional.empty();
        }
        BookDecimals boundDecimals = decimals;
        long leverage = scaledLeverage;
        long loan = scaledLoan;
        long maintenance = scaledMargin;
        long startPrice = scaledPrice;
        long minSize = scaledMinOrderSize;
        return build(element, () -> new ExchangeConfig(name, remoteAgentCount, gracePeriod, boundDecimals, leverage,
                loan, maintenance, maxOpenOrders, startPrice, minSize, feePolicy.orElseThrow(), books.orElseThrow(),
                balances.orElseThrow(), logging.orElseThrow(), element.settings()));
    }

    private Optional<FeePolicyConfig> feePolicy(SourceElement element) {
        ElementReader fees = new ElementReader(element, CoreSchemas.FEE_POLICY, problems);
        Optional<String> type = fees.string("type");
        type.flatMap(t -> resolve(FeePolicyProvider.class, t, element, " (attribute 'type')"))
                .ifPresent(provider -> checkParameters(provider, element));
        if (!fees.clean()) {
            return Optional.empty();
        }
        return build(element, () -> new FeePolicyConfig(type.orElseThrow(), element.settings()));
    }

    private Optional<FeePolicyConfig> defaultFeePolicy(SourceElement exchange) {
        String type = FeePolicyConfig.DEFAULT_TYPE;
        Optional<FeePolicyProvider> provider = catalog.find(FeePolicyProvider.class, type);
        if (provider.isEmpty()) {
            problems.add(exchange, String.format(
                    "no <%s> given and the default fee policy '%s' is not loaded; loaded: %s",
                    FEE_POLICY, type, loaded(ExtensionPoint.FEE_POLICY)));
            return Optional.empty();
        }
        Settings settings = syntheticChild(exchange.settings(), FEE_POLICY, Map.of("type", type));
        int before = problems.count();
        for (String message : parameters(provider.get(), exchange).check(settings)) {
            problems.add(exchange, String.format("no <%s> given; the default fee policy '%s' cannot run without: %s",
                    FEE_POLICY, type, message.substring(message.indexOf(": ") + 2)));
        }
        return problems.count() == before ? Optional.of(new FeePolicyConfig(type, settings)) : Optional.empty();
    }

    private Optional<BooksConfig> books(SourceElement element) {
        ElementReader books = new ElementReader(element, CoreSchemas.BOOKS, problems);
        int instanceCount = books.intValue("instanceCount", 1, Integer.MAX_VALUE);
        int maxDepth = books.intValue("maxDepth", 1, Integer.MAX_VALUE);
        // the reference caps detailedDepth at maxDepth rather than refusing it
        int detailedDepth = Math.min(books.intValue("detailedDepth", 0, Integer.MAX_VALUE), maxDepth);
        String algorithm = books.string("algorithm").orElse(BooksConfig.DEFAULT_ALGORITHM);
        resolve(MatchingRuleProvider.class, algorithm, element, " (attribute 'algorithm')")
                .ifPresent(provider -> checkParameters(provider, element));
        allowChildren(element, List.of(PROCESSES));
        List<ProcessConfig> processes = element.child(PROCESSES).map(this::processes).orElse(List.of());
        if (!books.clean()) {
            return Optional.empty();
        }
        return build(element, () -> new BooksConfig(instanceCount, maxDepth, detailedDepth, algorithm, processes,
                element.settings()));
    }

    private List<ProcessConfig> processes(SourceElement element) {
        List<ProcessConfig> processes = new ArrayList<>();
        Map<String, SourceElement> byName = new HashMap<>();
        for (SourceElement child : element.children()) {
            ElementReader process = new ElementReader(child, CoreSchemas.PROCESS, problems);
            Optional<String> name = process.string("name");
            resolve(PriceProcessProvider.class, child.name(), child, "")
                    .ifPresent(provider -> checkParameters(provider, child));
            name.ifPresent(n -> {
                SourceElement first = byName.putIfAbsent(n, child);
                if (first != null) {
                    process.problem(String.format("duplicate process name '%s'; first at line %d", n, first.line()));
                }
            });
            if (process.clean()) {
                build(child, () -> new ProcessConfig(child.name(), name.orElseThrow(), child.settings()))
                        .ifPresent(processes::add);
            }
        }
        return processes;
    }

    private Optional<BalancesConfig> balances(SourceElement element) {
        ElementReader balances = new ElementReader(element, CoreSchemas.BALANCES, problems);
        boolean typed = balances.present("type");
        String type = balances.string("type").orElse(BalancesConfig.STATIC_TYPE).strip();
        if (type.isEmpty()) {
            balances.violation("type", "a balance distribution name");
        } else {
            resolve(BalanceDistributionProvider.class, type, element,
                    typed ? " (attribute 'type')" : " (a <Balances> without a type)")
                    .ifPresent(provider -> checkParameters(provider, element));
        }
        if (type.equals(BalancesConfig.STATIC_TYPE)) {
            allowChildren(element, List.of(BASE, QUOTE));
            for (String currency : List.of(BASE, QUOTE)) {
                Optional<SourceElement> amount = element.child(currency);
                if (amount.isEmpty()) {
                    balances.problem(String.format(
                            "missing required element <%s> (static balances list <%s total=...> and <%s total=...>)",
                            currency, BASE, QUOTE));
                } else {
                    new ElementReader(amount.get(), CoreSchemas.STATIC_AMOUNT, problems).nonNegativeDecimal("total");
                }
            }
        }
        if (!balances.clean()) {
            return Optional.empty();
        }
        return build(element, () -> new BalancesConfig(type, element.settings()));
    }

    private Optional<LoggingConfig> logging(SourceElement element) {
        ElementReader logging = new ElementReader(element, CoreSchemas.LOGGING, problems);
        LocalDateTime startDate = LoggingConfig.DEFAULT_START_DATE;
        Optional<String> startText = logging.string("startDate");
        if (startText.isPresent()) {
            try {
                startDate = LocalDateTime.parse(startText.get(), START_DATE);
            } catch (DateTimeParseException e) {
                logging.violation("startDate", "a date and time as 'yyyy-MM-dd HH:mm:ss'");
            }
        }
        Optional<String> tag = logging.string("tag");
        allowChildren(element, List.of(L2, L3, FEE_LOG, REPLAY));
        int l2Depth = element.child(L2)
                .map(l2 -> new ElementReader(l2, CoreSchemas.L2, problems).intValue("depth", 1, Integer.MAX_VALUE))
                .orElse(0);
        if (!logging.clean()) {
            return Optional.empty();
        }
        LocalDateTime start = startDate;
        return build(element, () -> new LoggingConfig(start, tag, l2Depth, element.child(L3).isPresent(),
                element.child(FEE_LOG).isPresent(), element.child(REPLAY).isPresent()));
    }

    private Optional<AgentGroupConfig> agentGroup(SourceElement element, Optional<String> exchangeName) {
        int problemsBefore = problems.count();
        Optional<BackgroundAgentModelProvider> model =
                resolve(BackgroundAgentModelProvider.class, element.name(), element, "");
        ElementReader agent = new ElementReader(element, CoreSchemas.AGENT, problems);
        Optional<String> name = agent.string("name");
        int instanceCount = agent.intValue("instanceCount", 0, Integer.MAX_VALUE);
        Optional<String> exchange = agent.string("exchange");
        if (exchange.isPresent() && exchangeName.isPresent() && !exchange.get().equals(exchangeName.get())) {
            agent.violation("exchange", String.format("the exchange's name '%s'", exchangeName.get()));
        }
        model.ifPresent(provider -> checkParameters(provider, element));
        List<SourceElement> balanceElements = element.children(BALANCES);
        onlyOnce(balanceElements);
        Optional<BalancesConfig> balances = Optional.empty();
        if (!balanceElements.isEmpty()) {
            balances = balances(balanceElements.getFirst());
        }
        Optional<String> tradesOn = exchange.or(() -> exchangeName);
        if (problems.count() != problemsBefore || tradesOn.isEmpty()) {
            // no exchange name at all is reported at the exchange
            return Optional.empty();
        }
        Optional<BalancesConfig> own = balances;
        return build(element, () -> new AgentGroupConfig(element.name(), name.orElseThrow(), instanceCount,
                tradesOn.get(), own, element.settings()));
    }

    /** Finds a provider by name, or records the unknown name with every loaded name and a suggestion. */
    private <P extends PluginProvider> Optional<P> resolve(Class<P> type, String name, SourceElement at,
                                                           String where) {
        Optional<P> provider = catalog.find(type, name);
        if (provider.isEmpty()) {
            ExtensionPoint point = ExtensionPoint.of(type);
            String message = String.format("unknown %s '%s'%s; loaded: %s", point.label(), name, where,
                    loaded(point));
            Optional<String> suggestion = NameSuggestions.closest(name, catalog.names(point));
            if (suggestion.isPresent()) {
                message += String.format("; did you mean '%s'?", suggestion.get());
            }
            problems.add(at, message);
        }
        return provider;
    }

    private String loaded(ExtensionPoint point) {
        List<String> names = catalog.names(point);
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /** Checks an element against the schema its plugin declares. */
    private void checkParameters(PluginProvider provider, SourceElement element) {
        for (String message : parameters(provider, element).check(element.settings())) {
            problems.addCheck(element, message);
        }
    }

    private ParameterSchema parameters(PluginProvider provider, SourceElement element) {
        try {
            ParameterSchema schema = provider.parameters();
            return schema == null ? ParameterSchema.NONE : schema;
        } catch (RuntimeException e) {
            problems.add(element, String.format("plugin '%s' failed to declare its parameters: %s",
                    provider.name(), e));
            return ParameterSchema.NONE;
        }
    }

    /** The required child, or a problem saying it is missing. */
    private Optional<SourceElement> required(ElementReader parent, String child) {
        Optional<SourceElement> element = parent.element().child(child);
        if (element.isEmpty()) {
            parent.problem(String.format("missing required element <%s>", child));
        }
        return element;
    }

    /** Records children outside {@code allowed}, and any allowed child that appears more than once. */
    private void allowChildren(SourceElement parent, List<String> allowed) {
        Map<String, List<SourceElement>> seen = new LinkedHashMap<>();
        for (SourceElement child : parent.children()) {
            if (allowed.contains(child.name())) {
                seen.computeIfAbsent(child.name(), n -> new ArrayList<>()).add(child);
                continue;
            }
            String message = String.format("unknown element <%s> in <%s>; allowed: %s", child.name(), parent.name(),
                    String.join(", ", allowed));
            Optional<String> suggestion = NameSuggestions.closest(child.name(), allowed);
            if (suggestion.isPresent()) {
                message += String.format("; did you mean '%s'?", suggestion.get());
            }
            problems.add(child, message);
        }
        seen.values().forEach(this::onlyOnce);
    }

    /** Records every element after the first of a list of same-named siblings. */
    private void onlyOnce(List<SourceElement> siblings) {
        for (int i = 1; i < siblings.size(); i++) {
            SourceElement extra = siblings.get(i);
            problems.add(extra, String.format("<%s> may appear only once here; first at line %d",
                    extra.name(), siblings.getFirst().line()));
        }
    }

    /** Converts a decimal attribute to a scale by truncation; 0 and a problem if it does not fit a long. */
    private static long scaled(ElementReader reader, String name, Optional<BigDecimal> value, Scale scale,
                               String label) {
        if (value.isEmpty()) {
            return 0;
        }
        try {
            return scale.toScaled(value.get(), RoundingMode.DOWN);
        } catch (ArithmeticException e) {
            reader.violation(name, String.format("representable as a 64-bit value at %d %s decimals",
                    scale.decimals(), label));
            return 0;
        }
    }

    /** Runs a record constructor; a refused invariant becomes a problem at the element. */
    private <T> Optional<T> build(SourceElement at, Supplier<T> constructor) {
        try {
            return Optional.of(constructor.get());
        } catch (IllegalArgumentException e) {
            problems.add(at, e.getMessage());
            return Optional.empty();
        }
    }

    /** A settings element that is not in the file, placed under {@code parent}'s path. */
    private static Settings syntheticChild(Settings parent, String name, Map<String, String> attributes) {
        String[] ancestors = parent.path().substring(1).split("/");
        Settings.Builder leaf = Settings.builder(name);
        attributes.forEach(leaf::attribute);
        Settings.Builder top = leaf;
        for (int i = ancestors.length - 1; i >= 0; i--) {
            top = Settings.builder(ancestors[i]).child(top);
        }
        Settings node = top.build();
        for (int i = 1; i < ancestors.length; i++) {
            node = node.children().getFirst();
        }
        return node.children().getFirst();
    }
}
