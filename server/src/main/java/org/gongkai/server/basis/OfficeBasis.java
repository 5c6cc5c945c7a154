package org.gongkai.server.basis;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.gongkai.spi.Category;
import org.gongkai.spi.Finding;

/**
 * The deploying office's own rules, cited with the national ones: {@code config/basis/office.properties} names the
 * office ({@code office=jiangbei}), and {@code config/basis/<office>.basis} maps categories to that office's rule
 * texts, one citation a line ({@code PERSON_NAME 《…》第二条…}). Detectors cite national rules only, so a Chongqing
 * district never cites a Guizhou county's rules; with no office named, findings cite the national rules alone.
 * Read at start-up; a file with errors stops it, naming file and line.
 */
public final class OfficeBasis {
    private static final Pattern OFFICE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final String id;
    private final String name;
    private final Map<Category, List<String>> texts;

    private OfficeBasis(String id, String name, Map<Category, List<String>> texts) {
        this.id = id;
        this.name = name;
        this.texts = texts;
    }

    /** No office: national rules only. */
    public static OfficeBasis none() {
        return new OfficeBasis(null, null, Map.of());
    }

    /** The office named in {@code configDir/basis/office.properties}, or {@link #none()} when the file or the name is absent. */
    public static OfficeBasis load(Path configDir) {
        Path dir = configDir.resolve("basis");
        Path choice = dir.resolve("office.properties");
        if (!Files.isRegularFile(choice)) {
            return none();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(choice, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException("依据配置无法读取 / cannot read " + choice + ": " + e.getMessage(), e);
        }
        String office = p.getProperty("office", "").strip();
        if (office.isEmpty()) {
            return none();
        }
        if (!OFFICE_ID.matcher(office).matches()) {
            throw new IllegalStateException("依据配置 " + choice + "：office 应为本目录下 .basis 文件名 / office must name a .basis file of "
                    + dir + " (lowercase, digits, dashes): '" + office + "'");
        }
        Path file = dir.resolve(office + ".basis");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("找不到本机关依据文件 / no basis file for office '" + office + "': " + file);
        }
        try {
            return parse(office, file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("依据文件无法读取 / cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a basis file: {@code office NAME} once, then {@code CATEGORY text} lines; {@code #} starts a comment. */
    static OfficeBasis parse(String id, String fileName, List<String> lines) {
        String name = null;
        Map<Category, List<String>> texts = new EnumMap<>(Category.class);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = (i == 0 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+", 2);
            if (f.length < 2) {
                problems.add(fileName + ":" + (i + 1) + ": 缺少依据文字 / a category needs its text — \"" + line + "\"");
            } else if (f[0].equals("office")) {
                if (name != null) {
                    problems.add(fileName + ":" + (i + 1) + ": office 重复 / office given twice");
                }
                name = f[1].strip();
            } else {
                try {
                    texts.computeIfAbsent(Category.valueOf(f[0]), c -> new ArrayList<>()).add(f[1].strip());
                } catch (IllegalArgumentException e) {
                    problems.add(fileName + ":" + (i + 1) + ": 未知类别 / unknown category '" + f[0] + "'");
                }
            }
        }
        if (name == null) {
            problems.add(fileName + ": 缺少 office 行（本机关名称）/ no 'office <name>' line");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("依据文件有误 / basis file has errors:\n  " + String.join("\n  ", problems));
        }
        texts.replaceAll((c, l) -> List.copyOf(l));
        return new OfficeBasis(id, name, Map.copyOf(texts));
    }

    /** The office's file name (without .basis), or null for national rules only. */
    public String id() {
        return id;
    }

    /** The office's name as its file gives it, or null. */
    public String name() {
        return name;
    }

    /** The office's rule texts for a category, in file order; empty when it has none. */
    public List<String> texts(Category c) {
        return texts.getOrDefault(c, List.of());
    }

    /** The finding citing, after its national basis, the office's own rules for its category. */
    public Finding cite(Finding f) {
        List<String> own = texts(f.category());
        if (own.isEmpty()) {
            return f;
        }
        return f.withBasis(f.basis() + "；" + name + "：" + String.join("；", own));
    }
}
