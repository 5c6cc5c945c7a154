package org.gongkai.server.document;

/** Processing status of an upload (shared/CONTRACT.md). */
public enum DocumentStatus {
    RECEIVED, PROCESSING, CHECKED
}
