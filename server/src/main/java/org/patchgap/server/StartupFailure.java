package org.patchgap.server;

/** One line saying why the server could not start, from the innermost cause that says something. */
final class StartupFailure {

    private StartupFailure() {}

    static String describe(Throwable e) {
        Throwable t = e;
        String best = e.getMessage();
        while (t != null) {
            if (t instanceof java.net.BindException) return "the port is in use or cannot be bound (" + t.getMessage() + ")";
            if (t instanceof java.net.ConnectException || t.getClass().getName().endsWith("PSQLException")) {
                best = "cannot use the database: " + t.getMessage();
            }
            if (t.getClass().getName().equals("org.springframework.boot.web.server.PortInUseException")) {
                return t.getMessage();
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String text = best != null && best.startsWith("cannot use the database") ? best : String.valueOf(root.getMessage());
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
