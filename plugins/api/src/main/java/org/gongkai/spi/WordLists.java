package org.gongkai.spi;

import java.util.List;

/**
 * Optional capability of a {@link Detector} that matches against word lists an office edits (keyword
 * dictionaries, allow-lists). The host lists them at {@code GET /api/v1/dictionaries} so maintainers can see
 * which files, how many terms and which version are in use; the same version string is stored with every
 * finding the lists produced ({@link Finding#version()}).
 *
 * <p>Implementations must be thread-safe and return the lists in effect at the time of the call (they may
 * reload files that changed).
 *
 * @since 0.1
 */
public interface WordLists {

    /** The lists in use now, in a stable order. Never null. */
    List<WordList> wordLists();

    /**
     * One list.
     *
     * @param file     file name relative to the dictionaries folder, e.g. {@code "trade_secret.txt"}
     * @param category the {@link Category} name it feeds, or a role such as {@code "ALLOW_LIST"}
     * @param terms    number of valid entries loaded
     * @param version  version of the whole set the list belongs to (changes whenever any file changes)
     */
    record WordList(String file, String category, int terms, String version) {
    }
}
