package org.gongkai.server.queue;

import java.sql.SQLException;

/** Tells a lost race for a row lock (time-out, deadlock, serialization) from a real database error. */
final class Contention {
    private Contention() {
    }

    static boolean isContention(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String st = s.getSQLState();
                // H2: HYT00 lock time-out, 40001 deadlock; PostgreSQL: 40001 serialization, 40P01 deadlock, 55P03 lock not available
                if (st.equals("HYT00") || st.equals("40001") || st.equals("40P01") || st.equals("55P03")) {
                    return true;
                }
            }
        }
        return false;
    }
}
