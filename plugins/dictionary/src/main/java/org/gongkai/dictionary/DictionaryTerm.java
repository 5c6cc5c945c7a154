package org.gongkai.dictionary;

import java.util.List;
import org.gongkai.spi.Category;

/**
 * One dictionary entry: {@code term<TAB>weight[<TAB>context|context…]}.
 *
 * @param text     the term
 * @param weight   how strongly the term alone suggests the category (0–1)
 * @param contexts words of which one must stand within the window for the term to count; empty = none needed
 * @param category the category of its file
 * @param file     the file it came from, for explanations
 */
record DictionaryTerm(String text, double weight, List<String> contexts, Category category, String file) {
}
