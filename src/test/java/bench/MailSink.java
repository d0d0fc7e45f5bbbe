package bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The intake benchmark's mail server (.ci/benchmark-intake): GreenMail's SMTP on 127.0.0.1 at the port given, taking
 * every message, so the customers' acknowledgements go out as on a desk with its mail server.
 * Runs until killed; prints how many messages it took when it stops.
 */
public final class MailSink {

    private MailSink() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServerSetup smtp = new ServerSetup(Integer.parseInt(args[0]), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail mail = new GreenMail(smtp);
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("mail sink: took " + mail.getReceivedMessages().length + " messages");
            mail.stop();
        }));
        System.out.println("mail sink: listening on 127.0.0.1:" + args[0]);
        Thread.currentThread().join();
    }
}
