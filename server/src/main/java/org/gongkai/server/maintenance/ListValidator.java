package org.gongkai.server.maintenance;

import java.util.List;

/**
 * Checks the whole new content of an office-maintained file before it replaces the old one. One per kind of file:
 * the dictionaries' today ({@link DictionaryValidator}); a rules file ({@code config/*.rules}) plugs in with the parser
 * of its own engine, so an edit that engine would refuse is never written.
 */
@FunctionalInterface
public interface ListValidator {

    /**
     * @param file  the file's name inside its folder, e.g. {@code stability.txt}
     * @param lines the complete new content, one element per line, comments included
     * @return problems in Chinese, each naming its line ("第 12 行：…"); empty when the content may be written
     */
    List<String> problems(String file, List<String> lines);
}
