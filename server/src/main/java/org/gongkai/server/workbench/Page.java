package org.gongkai.server.workbench;

import java.util.List;

/** One page of a list: the items, where it starts, and whether more follow. */
public record Page<T>(List<T> items, int offset, int limit, boolean hasMore) {
}
