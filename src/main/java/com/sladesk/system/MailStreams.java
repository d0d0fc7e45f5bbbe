package com.sladesk.system;

/**
 * Jakarta Mail looks up its stream provider with a ServiceLoader, through every jar on the class path, each time it
 * builds or writes a multipart or decodes a header (jakartaee/mail-api#699, #861): 6.6 % of the node's CPU samples
 * during an intake burst went into finding the same class again for each acknowledgement. Named in the system
 * property the API reads first, the provider is instantiated directly.
 * <p>
 * The API then loads it through the thread's context class loader and does not try another: a thread that sends
 * mail must have the app's loader as its context loader (in the packaged jar the system loader does not see
 * Angus Mail). Ours do: Spring's and Tomcat's threads, and the outbox's, which set it.
 */
public final class MailStreams {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    private MailStreams() {
    }

    /** Names Angus Mail's provider, unless the JVM was started naming one. */
    public static void nameTheProvider() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, ANGUS);
        }
    }
}
