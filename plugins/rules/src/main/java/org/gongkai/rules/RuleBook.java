package org.gongkai.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules file a detector uses, kept current: {@code <config>/<name>} when the office has it, else the copy
 * shipped in the detector's jar. Like the dictionaries, an edited file is reloaded (checked at most once a
 * second); an edit that does not parse or does not fit the detector is refused with its file and line numbers
 * logged, and the rules in use stay. At start-up a bad file fails the detector's configuration.
 */
public final class RuleBook {
    private static final System.Logger LOG = System.getLogger(RuleBook.class.getName());
    private static final Pattern LOCATED = Pattern.compile("(?s)(.+?):(?:(\\d+):)? (.*)");

    private final Path file;
    private final String name;
    private final Class<?> anchor;
    private final Consumer<RuleSet> check;
    private final Map<String, List<String>> builtIn;
    private final AtomicReference<Loaded> current = new AtomicReference<>();
    private final AtomicLong lastCheck = new AtomicLong();

    private record Loaded(RuleSet rules, long stamp) {
    }

    private RuleBook(Path file, String name, Class<?> anchor, Consumer<RuleSet> check, Map<String, List<String>> builtIn) {
        this.builtIn = builtIn;
        this.file = file;
        this.name = name;
        this.anchor = anchor;
        this.check = check;
    }

    /**
     * Opens the rules file {@code name}: from {@code configDir} when it is there, else the resource of that name
     * next to {@code anchor} in its jar.
     *
     * @param check validates a parsed file against the detector (targets, kinds, lists it reads); throws
     *              {@link RuleSyntaxException} to refuse it
     * @throws RuleSyntaxException  when the file has errors (each with its line number)
     * @throws UncheckedIOException when neither the file nor the shipped copy can be read
     */
    public static RuleBook open(Path configDir, String name, Class<?> anchor, Consumer<RuleSet> check) {
        return open(configDir, name, anchor, check, Map.of());
    }

    /** As {@link #open(Path, String, Class, Consumer)}, with lists the detector provides ({@link RuleParser#parse(String, String, Map)}). */
    public static RuleBook open(Path configDir, String name, Class<?> anchor, Consumer<RuleSet> check,
                                Map<String, List<String>> builtIn) {
        RuleBook b = new RuleBook(configDir == null ? null : configDir.resolve(name), name, anchor, Objects.requireNonNull(check), builtIn);
        b.current.set(b.load());
        return b;
    }

    /** Where the rules in use come from: the file's path, or "classpath:name" for the shipped copy. */
    public String source() {
        return usesFile() ? file.toString() : "classpath:" + name;
    }

    /** The rules in use now, reloaded first when the file changed. */
    public RuleSet current() {
        long now = System.currentTimeMillis();
        long last = lastCheck.get();
        if (now - last >= 1000 && lastCheck.compareAndSet(last, now)) {
            Loaded in = current.get();
            if (stamp() != in.stamp()) {
                try {
                    Loaded l = load();
                    current.set(l);
                    LOG.log(System.Logger.Level.INFO, "rules reloaded from {0}: version {1}", source(), l.rules().version());
                } catch (RuntimeException e) {
                    current.set(new Loaded(in.rules(), stamp())); // do not retry the same bad edit every second
                    LOG.log(System.Logger.Level.WARNING, "rules in {0} not reloaded, keeping version {1}: {2}", source(), in.rules().version(), e.getMessage());
                }
            }
        }
        return current.get().rules();
    }

    private boolean usesFile() {
        return file != null && Files.isRegularFile(file);
    }

    private long stamp() {
        if (!usesFile()) {
            return 0;
        }
        try {
            return Files.getLastModifiedTime(file).toMillis() * 31 + Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private Loaded load() {
        long stamp = stamp();
        String content;
        String shown;
        try {
            if (usesFile()) {
                content = Files.readString(file, StandardCharsets.UTF_8);
                shown = file.getFileName().toString();
            } else {
                try (InputStream in = anchor.getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IOException("no " + name + " in " + (file == null ? "the configuration" : file.getParent()) + " nor in the jar");
                    }
                    content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                shown = name;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("规则文件无法读取 / cannot read rules file " + source() + ": " + e.getMessage(), e);
        }
        return new Loaded(parse(shown, content, check, builtIn), stamp);
    }

    /** Parses and checks a file's content exactly as a rule book loads it. */
    private static RuleSet parse(String name, String content, Consumer<RuleSet> check, Map<String, List<String>> builtIn) {
        RuleSet rules = RuleParser.parse(name, content, builtIn);
        check.accept(rules);
        return rules;
    }

    /**
     * What would make a rule book refuse {@code content} as the file {@code name}: parsed with the same parser and
     * checked with the same {@code check} and built-in lists the detector opens its rule book with. For an editor,
     * before anything is written.
     *
     * @return every problem as "第 N 行 / line N：…" (or "name：…" for a problem of the whole file), in Chinese and
     *         English; empty when the content would be used
     */
    public static List<String> problems(String name, String content, Consumer<RuleSet> check, Map<String, List<String>> builtIn) {
        try {
            parse(name, content, Objects.requireNonNull(check), builtIn);
            return List.of();
        } catch (RuleSyntaxException e) {
            return e.problems().stream().map(p -> located(e.file(), p)).toList();
        } catch (IllegalArgumentException e) {
            return List.of(name + "：" + e.getMessage());
        }
    }

    /** "personal.rules:12: message" as "第 12 行 / line 12：message"; "personal.rules: message" as "personal.rules：message". */
    private static String located(String file, String problem) {
        Matcher m = LOCATED.matcher(problem);
        if (m.matches() && m.group(1).equals(file)) {
            return m.group(2) == null ? file + "：" + m.group(3) : "第 " + m.group(2) + " 行 / line " + m.group(2) + "：" + m.group(3);
        }
        return problem;
    }
}
