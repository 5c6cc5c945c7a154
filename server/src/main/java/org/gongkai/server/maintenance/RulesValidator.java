package org.gongkai.server.maintenance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gongkai.spi.RulesFileOwner;

/**
 * The context-rules files ({@code config/*.rules}) as the editor sees them: a file is of this kind when some active
 * plugin reads it ({@link RulesFileOwner#rulesFiles}), and a new content may be written only when every plugin that
 * reads it accepts it — parsed and checked as that plugin checks the file when it loads it, so an edit the rules
 * engine would refuse never reaches the disk. Problems name their line in Chinese and English.
 */
public final class RulesValidator implements ListValidator {
    private final List<RulesFileOwner> owners;

    public RulesValidator(List<RulesFileOwner> owners) {
        this.owners = List.copyOf(owners);
    }

    /** Whether some plugin reads {@code file} from the configuration folder. */
    public boolean owns(String file) {
        return owners.stream().anyMatch(o -> o.rulesFiles().contains(file));
    }

    @Override
    public List<String> problems(String file, List<String> lines) {
        String content = String.join("\n", lines) + "\n";
        Set<String> out = new LinkedHashSet<>(); // several detectors read personal.rules and find the same problems
        boolean read = false;
        for (RulesFileOwner o : owners) {
            if (o.rulesFiles().contains(file)) {
                read = true;
                out.addAll(o.validateRules(file, content));
            }
        }
        if (!read) {
            return List.of(file + "：没有检测器读取此文件 / no active plugin reads this file");
        }
        return new ArrayList<>(out);
    }

    /** The editor's one column: a line of the file as it is written. */
    public static List<String> columns(String file) {
        return List.of("规则行");
    }
}
