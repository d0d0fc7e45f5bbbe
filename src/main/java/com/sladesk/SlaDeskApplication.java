package com.sladesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SlaDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(SlaDeskApplication.class, args);
    }
}
