package org.gongkai.spi;

import java.util.List;

/**
 * Optional capability of a plugin that reads context-rules files an office edits ({@code config/*.rules}). The host
 * lets the document office edit exactly the files some plugin declares here, and writes an edit only when every
 * plugin that reads the file accepts the new content — checked the way the plugin checks the file when it loads it,
 * so an edit the plugin would refuse at load is never written.
 *
 * <p>Implementations must be thread-safe.
 *
 * @since 0.1
 */
public interface RulesFileOwner {

    /**
     * The rules files the plugin reads from the configuration folder, as plain file names
     * (e.g. {@code "personal.rules"}); empty when it reads none there (a shipped copy, or a file configured
     * elsewhere). Never null.
     */
    List<String> rulesFiles();

    /**
     * Checks a complete new content of one of {@link #rulesFiles()}.
     *
     * @param file    the file's name, one of {@link #rulesFiles()}
     * @param content the whole new content (lines separated by {@code \n})
     * @return every problem, each naming its line, in Chinese and English; empty when the content is valid (and
     *         for a file the plugin does not read). Never null.
     */
    List<String> validateRules(String file, String content);
}
