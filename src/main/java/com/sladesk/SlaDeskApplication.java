package com.sladesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.sladesk.system.MailStreams;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SlaDeskApplication {

    static {
        MailStreams.nameTheProvider();
    }

    public static void main(String[] args) {
        SpringApplication.run(SlaDeskApplication.class, args);
    }
}
