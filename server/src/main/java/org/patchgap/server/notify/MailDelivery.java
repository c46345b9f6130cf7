package org.patchgap.server.notify;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Sends e-mail through the configured SMTP server ({@code spring.mail.*}); refuses when none is configured. */
@Component
public class MailDelivery {

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    public MailDelivery(ObjectProvider<JavaMailSender> sender,
            @org.springframework.beans.factory.annotation.Value("${patchgap.notifications.from:patchgap@localhost}") String from) {
        this.sender = sender;
        this.from = from;
    }

    String send(String to, String subject, String text) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) throw new IllegalStateException("no SMTP server configured (spring.mail.host)");
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        smtp.send(message);
        return "delivered: SMTP to " + to;
    }
}
