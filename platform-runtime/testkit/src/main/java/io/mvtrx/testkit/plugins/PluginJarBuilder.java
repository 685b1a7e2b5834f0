package io.mvtrx.testkit.plugins;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import io.mvtrx.api.PlatformVersion;
import io.mvtrx.api.spi.fees.FeePolicyProvider;

/**
 * Builds a plugin JAR the way {@code plugins/pom.xml} would: Java sources compiled against platform-api, a manifest
 * carrying the PF4J descriptor ({@code Plugin-Id}, {@code Plugin-Version}, {@code Plugin-Provider},
 * {@code Plugin-Requires}, optional {@code Plugin-Dependencies}) and {@code META-INF/services} files. Directory entries
 * are written as a JAR tool writes them (PF4J's service-provider finder looks the {@code META-INF/services} folder up
 * as a resource).
 *
 * {@snippet :
 * Path jar = PluginJarBuilder.plugin("flat-fees")
 *         .feePolicyProvider("com.example.FlatFees", "flat-test")
 *         .writeTo(pluginsDir.resolve("flat-fees.jar"));
 * }
 *
 * <p>Not thread-safe; each {@link #writeTo} compiles with the JDK's system compiler (a JDK is needed, as for any
 * Maven test run), so building a JAR costs a few hundred milliseconds.
 */
public final class PluginJarBuilder {

    private final Map<String, String> manifest = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, List<String>> services = new LinkedHashMap<>();
    private final List<Path> classPath = new ArrayList<>();

    private PluginJarBuilder() {
    }

    /**
     * A plugin with a complete descriptor: the id, version 1.0.0, provider "test" and
     * {@code Plugin-Requires: >=<platform API version>}.
     */
    public static PluginJarBuilder plugin(String id) {
        PluginJarBuilder builder = new PluginJarBuilder();
        builder.manifest.put("Plugin-Id", id);
        builder.manifest.put("Plugin-Version", "1.0.0");
        builder.manifest.put("Plugin-Provider", "test");
        builder.manifest.put("Plugin-Requires", ">=" + PlatformVersion.API_VERSION);
        return builder;
    }

    /** A JAR whose manifest has no plugin descriptor at all. */
    public static PluginJarBuilder withoutDescriptor() {
        return new PluginJarBuilder();
    }

    /** Writes bytes that are not a ZIP archive to {@code jar} and returns it. */
    public static Path writeCorrupt(Path jar) {
        try {
            Files.createDirectories(jar.toAbsolutePath().getParent());
            return Files.writeString(jar, "this is not a zip archive\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jar, e);
        }
    }

    /**
     * Source of a minimal fee-policy provider: a public no-arg constructor running {@code constructorBody}, a
     * {@code name()}, one optional parameter {@code rate} and a policy charging nothing.
     */
    public static String feePolicyProviderSource(String className, String name, String constructorBody) {
        int dot = className.lastIndexOf('.');
        String pkg = dot < 0 ? "" : "package " + className.substring(0, dot) + ";\n\n";
        String simple = className.substring(dot + 1);
        return pkg + """
                import io.mvtrx.api.settings.Parameter;
                import io.mvtrx.api.settings.ParameterSchema;
                import io.mvtrx.api.settings.ParameterType;
                import io.mvtrx.api.settings.Settings;
                import io.mvtrx.api.spi.fees.FeeContext;
                import io.mvtrx.api.spi.fees.FeePolicy;
                import io.mvtrx.api.spi.fees.FeePolicyProvider;

                public class %1$s implements FeePolicyProvider {
                    public %1$s() {
                        %3$s
                    }

                    @Override
                    public String name() {
                        return "%2$s";
                    }

                    @Override
                    public String description() {
                        return "test fee policy %2$s";
                    }

                    @Override
                    public ParameterSchema parameters() {
                        return ParameterSchema.of(
                                Parameter.optional("rate", ParameterType.DECIMAL, "0", "flat rate for both sides"));
                    }

                    @Override
                    public FeePolicy create(Settings settings, FeeContext context) {
                        return new FeePolicy() {
                            @Override public long makerRate(int agentId, int bookId) { return 0; }
                            @Override public long takerRate(int agentId, int bookId) { return 0; }
                            @Override public void recordTrade(int bookId, long timestamp, int makerAgentId,
                                    int takerAgentId, long quoteVolume) { }
                            @Override public void onStep(long timestamp) { }
                            @Override public void reset(int agentId) { }
                            @Override public long volume(int agentId, int bookId) { return 0; }
                        };
                    }
                }
                """.formatted(simple, name, constructorBody);
    }

    /** Sets {@code Plugin-Version}. */
    public PluginJarBuilder version(String version) {
        return manifestEntry("Plugin-Version", version);
    }

    /** Sets {@code Plugin-Requires}, the platform version range; null removes it. */
    public PluginJarBuilder requires(String range) {
        return manifestEntry("Plugin-Requires", range);
    }

    /** Sets {@code Plugin-Dependencies}, e.g. {@code "base-plugin"} or {@code "base@>=1.0.0, extra?"}. */
    public PluginJarBuilder dependencies(String dependencies) {
        return manifestEntry("Plugin-Dependencies", dependencies);
    }

    /** Sets any manifest main attribute; a null value removes it. */
    public PluginJarBuilder manifestEntry(String name, String value) {
        if (value == null) {
            manifest.remove(name);
        } else {
            manifest.put(name, value);
        }
        return this;
    }

    /** Adds a Java source file for the class {@code className}. */
    public PluginJarBuilder source(String className, String javaSource) {
        sources.put(className, javaSource);
        return this;
    }

    /** Lists implementation classes in {@code META-INF/services/<serviceType>}. */
    public PluginJarBuilder service(Class<?> serviceType, String... implementations) {
        return service(serviceType.getName(), implementations);
    }

    /** Lists implementation classes in {@code META-INF/services/<serviceFile>}. */
    public PluginJarBuilder service(String serviceFile, String... implementations) {
        services.computeIfAbsent(serviceFile, key -> new ArrayList<>()).addAll(List.of(implementations));
        return this;
    }

    /** Adds a fee-policy provider named {@code name} (source and service entry). */
    public PluginJarBuilder feePolicyProvider(String className, String name) {
        return feePolicyProvider(className, name, "");
    }

    /** Adds a fee-policy provider whose constructor runs {@code constructorBody}, e.g. a {@code throw}. */
    public PluginJarBuilder feePolicyProvider(String className, String name, String constructorBody) {
        source(className, feePolicyProviderSource(className, name, constructorBody));
        return service(FeePolicyProvider.class, className);
    }

    /** Adds a class-path entry for compiling the sources (platform-api is always there). */
    public PluginJarBuilder compileAgainst(Path entry) {
        classPath.add(entry);
        return this;
    }

    /**
     * Compiles the sources and writes the JAR.
     *
     * @return {@code jar}
     * @throws IllegalStateException with the compiler's diagnostics if a source does not compile
     */
    public Path writeTo(Path jar) {
        Path classes = null;
        try {
            classes = Files.createTempDirectory("plugin-jar-classes");
            if (!sources.isEmpty()) {
                compile(classes);
            }
            Files.createDirectories(jar.toAbsolutePath().getParent());
            writeJar(jar, classes);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jar, e);
        } finally {
            deleteQuietly(classes);
        }
    }

    private void compile(Path classes) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no system Java compiler: run the tests on a JDK, not a JRE");
        }
        List<Path> path = new ArrayList<>(classPath);
        path.add(platformApiLocation());
        String joined = path.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((className, text) -> units.add(new SourceText(className, text)));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-classpath", joined, "-d", classes.toString(), "-proc:none",
                "-encoding", "UTF-8");
        boolean ok = compiler.getTask(null, null, diagnostics, options, null, units).call();
        if (!ok) {
            throw new IllegalStateException("plugin sources do not compile: " + diagnostics.getDiagnostics());
        }
    }

    private void writeJar(Path jar, Path classes) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((name, value) -> mf.getMainAttributes().putValue(name, value));

        TreeSet<String> directories = new TreeSet<>();
        directories.add("META-INF/");
        if (!services.isEmpty()) {
            directories.add("META-INF/services/");
        }
        List<Path> classFiles;
        try (Stream<Path> walk = Files.walk(classes)) {
            classFiles = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : classFiles) {
            Path parent = classes.relativize(file).getParent();
            for (Path dir = parent; dir != null; dir = dir.getParent()) {
                directories.add(slashes(dir) + "/");
            }
        }

        try (OutputStream stream = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(stream)) {
            out.putNextEntry(new JarEntry("META-INF/"));
            out.closeEntry();
            out.putNextEntry(new JarEntry("META-INF/MANIFEST.MF"));
            mf.write(out);
            out.closeEntry();
            for (String dir : directories) {
                if (!dir.equals("META-INF/")) {
                    out.putNextEntry(new JarEntry(dir));
                    out.closeEntry();
                }
            }
            for (Map.Entry<String, List<String>> service : services.entrySet()) {
                out.putNextEntry(new JarEntry("META-INF/services/" + service.getKey()));
                out.write((String.join("\n", service.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            for (Path file : classFiles) {
                out.putNextEntry(new JarEntry(slashes(classes.relativize(file))));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
    }

    private static String slashes(Path relative) {
        return relative.toString().replace(File.separatorChar, '/');
    }

    /** Where the platform-api classes are (a JAR or a classes directory), to compile plugin sources against. */
    public static Path platformApiLocation() {
        try {
            URI location = FeePolicyProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI();
            return Path.of(location);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate platform-api classes", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }

    private static final class SourceText extends SimpleJavaFileObject {
        private final String text;

        SourceText(String className, String text) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
