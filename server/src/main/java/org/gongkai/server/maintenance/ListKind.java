package org.gongkai.server.maintenance;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * A kind of file the office maintains through the workbench: where such files live, which names belong to it, how a
 * new content is validated, and how the editor shows an entry (its columns, separated by TAB in the file).
 *
 * @param name      stable code in addresses and history, e.g. {@code dictionary}
 * @param title     Chinese name, e.g. 词典
 * @param folder    the folder the files are in (never left: names are checked to be plain)
 * @param files     which file names in the folder are of this kind
 * @param columns   per file, the editor's column headings of an entry line
 * @param validator checks a whole new content before it is written
 */
public record ListKind(String name, String title, Path folder, Predicate<String> files, java.util.function.Function<String, List<String>> columns,
                       ListValidator validator) {
}
